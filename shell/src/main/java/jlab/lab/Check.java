package jlab.lab;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import jlab.kernel.Namespace;

/** A condition on live kernel state that a step's task must reach; a one-key mapping in YAML like actions. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
        @JsonSubTypes.Type(value = Check.HostnameCheck.class, name = "hostname"),
        @JsonSubTypes.Type(value = Check.NamespaceCheck.class, name = "namespace"),
        @JsonSubTypes.Type(value = Check.InitCheck.class, name = "init"),
        @JsonSubTypes.Type(value = Check.MountedCheck.class, name = "mounted"),
        @JsonSubTypes.Type(value = Check.CommandCheck.class, name = "command"),
        @JsonSubTypes.Type(value = Check.FileCheck.class, name = "file"),
        @JsonSubTypes.Type(value = Check.LinkCheck.class, name = "link"),
        @JsonSubTypes.Type(value = Check.AddressCheck.class, name = "address"),
        @JsonSubTypes.Type(value = Check.RouteCheck.class, name = "route"),
        @JsonSubTypes.Type(value = Check.PingCheck.class, name = "ping"),
        @JsonSubTypes.Type(value = Check.WhiteoutCheck.class, name = "whiteout"),
        @JsonSubTypes.Type(value = Check.CopiedUpCheck.class, name = "copied-up"),
        @JsonSubTypes.Type(value = Check.OpaqueCheck.class, name = "opaque"),
        @JsonSubTypes.Type(value = Check.ZombiesCheck.class, name = "zombies"),
        @JsonSubTypes.Type(value = Check.ProcessCheck.class, name = "process"),
        @JsonSubTypes.Type(value = Check.CgroupValueCheck.class, name = "cgroup-value"),
        @JsonSubTypes.Type(value = Check.InCgroupCheck.class, name = "in-cgroup")})
public sealed interface Check {

    /** One line for the learner, e.g. "hostname in container is 'lab'". */
    String describe();

    /** The YAML key of this check, e.g. {@code hostname}. */
    default String keyword() {
        return Vocabulary.CHECKS.nameOf(getClass());
    }

    /** Whose state a check reads. */
    enum Where { CONTAINER, HOST }

    /**
     * The hostname of {@code where} is {@code is}, or (when {@code unchanged} is set) is (true) or is not (false)
     * what it was when the lab started. Exactly one of {@code is} and {@code unchanged} is non-null.
     */
    record HostnameCheck(@JsonProperty("in") Where where, String is, Boolean unchanged) implements Check {
        public HostnameCheck {
            where = where == null ? Where.CONTAINER : where;
        }

        @Override public String describe() {
            String subject = "hostname in " + Vocabulary.lower(where);
            if (is != null) return subject + " is '" + is + "'";
            return subject + (Boolean.FALSE.equals(unchanged) ? " has changed" : " is unchanged");
        }
    }

    /** The container's namespace of {@code type} differs from (or, with {@code differs: false}, is) the host's. */
    record NamespaceCheck(Namespace type, boolean differs) implements Check {
        @JsonCreator
        static NamespaceCheck of(@JsonProperty("type") Namespace type, @JsonProperty("differs") Boolean differs) {
            return new NamespaceCheck(type, !Boolean.FALSE.equals(differs));
        }

        @Override public String describe() {
            String ns = type == null ? "?" : Vocabulary.namespaceName(type);
            return "container's " + ns + " namespace " + (differs ? "differs from" : "is") + " the host's";
        }
    }

    /** The container's init process is (or is not) alive. */
    record InitCheck(boolean running) implements Check {
        @JsonCreator
        static InitCheck of(@JsonProperty("running") Boolean running) {
            return new InitCheck(!Boolean.FALSE.equals(running));
        }

        @Override public String describe() {
            return "container's init is " + (running ? "running" : "not running");
        }
    }

    /** The container's mount table has {@code path} as a mount point, of fs type {@code type} when given. */
    record MountedCheck(String path, String type) implements Check {
        @Override public String describe() {
            return path + " is mounted in the container" + (type == null ? "" : " (type " + type + ")");
        }
    }

    /**
     * {@code run} inside the sandbox exits with {@code exit} and its output matches the regex {@code output}.
     * {@code says} (may be null) is what that means, in words: the learner reads it instead of the command.
     */
    record CommandCheck(List<String> run, int exit, String output, String says) implements Check {
        public CommandCheck {
            run = Lists.copy(run);
        }

        public CommandCheck(List<String> run, int exit, String output) {
            this(run, exit, output, null);
        }

        @JsonCreator
        static CommandCheck of(@JsonProperty("run") List<String> run, @JsonProperty("exit") Integer exit,
                               @JsonProperty("output") String output, @JsonProperty("says") String says) {
            return new CommandCheck(run, exit == null ? 0 : exit, output, says);
        }

        /** {@code output} compiled (a find, not a full match); null when there is none. */
        public Pattern outputPattern() {
            return output == null ? null : Pattern.compile(output);
        }

        @Override public String describe() {
            if (says != null) return says;
            return "'" + ShellQuoting.join(run) + "' exits " + exit
                    + (output == null ? "" : " and prints /" + output + "/");
        }
    }

    /** The file inside the rootfs exists (or not) and contains {@code contains} when given. */
    record FileCheck(String path, boolean exists, String contains) implements Check {
        @JsonCreator
        static FileCheck of(@JsonProperty("path") String path, @JsonProperty("exists") Boolean exists,
                            @JsonProperty("contains") String contains) {
            return new FileCheck(path, !Boolean.FALSE.equals(exists), contains);
        }

        @Override public String describe() {
            if (!exists) return path + " does not exist";
            return path + " exists" + (contains == null ? "" : " and contains '" + contains + "'");
        }
    }

    /** The administrative state a {@code link} check asks for. */
    enum LinkState { UP, DOWN }

    /**
     * The link {@code name} exists in {@code where} (default red; {@code exists: false}: does not), with the
     * given {@code state} and bridge {@code master} when those are given.
     */
    record LinkCheck(String name, NetPlace where, boolean exists, LinkState state, String master) implements Check {
        @JsonCreator
        static LinkCheck of(@JsonProperty("name") String name, @JsonProperty("in") NetPlace where,
                            @JsonProperty("exists") Boolean exists, @JsonProperty("state") LinkState state,
                            @JsonProperty("master") String master) {
            return new LinkCheck(name, where == null ? NetPlace.RED : where, !Boolean.FALSE.equals(exists), state, master);
        }

        @Override public String describe() {
            String subject = "link " + name + " in " + Vocabulary.lower(where);
            if (!exists) return subject + " does not exist";
            return subject + (state == null ? " exists" : " is " + Vocabulary.lower(state))
                    + (master == null ? "" : " and attached to " + master);
        }
    }

    /** {@code link} in {@code where} (default red) has the address {@code .host}/24 of the lab's subnet. */
    record AddressCheck(String link, @JsonProperty("in") NetPlace where, int host) implements Check {
        public AddressCheck { where = where == null ? NetPlace.RED : where; }

        @Override public String describe() {
            return link + " in " + Vocabulary.lower(where) + " has the address ." + host + " of the lab's subnet, and no other";
        }
    }

    /** {@code where} (default red) has a default route via the lab subnet's {@code .via}. */
    record RouteCheck(@JsonProperty("in") NetPlace where, int via) implements Check {
        public RouteCheck { where = where == null ? NetPlace.RED : where; }

        @Override public String describe() {
            return Vocabulary.lower(where) + " has a default route via ." + via;
        }
    }

    /** busybox ping from the container ({@code from: red}, the only place commands run) to {@code .to}. */
    record PingCheck(NetPlace from, int to) implements Check {
        public PingCheck { from = from == null ? NetPlace.RED : from; }

        @Override public String describe() {
            return Vocabulary.lower(from) + " gets an answer from ." + to + " (ping)";
        }
    }

    /** The upper layer of the overlay holding {@code path} (a merged path) has a whiteout for it. */
    record WhiteoutCheck(String path) implements Check {
        @Override public String describe() {
            return path + " is hidden by a whiteout in the upper layer";
        }
    }

    /** {@code path} (a merged path) was copied up: the upper layer has its own copy of a lower file. */
    record CopiedUpCheck(String path) implements Check {
        @Override public String describe() {
            return path + " was copied up into the upper layer";
        }
    }

    /** The directory {@code path} (a merged path) is opaque in the upper layer (trusted.overlay.opaque=y). */
    record OpaqueCheck(String path) implements Check {
        @Override public String describe() {
            return path + " is an opaque directory in the upper layer";
        }
    }

    /**
     * The number of zombies in the container's pid namespace is at least {@code min} and at most {@code max}
     * (each optional); with {@code parent}, only zombies whose parent's command matches that regex count.
     */
    record ZombiesCheck(Integer min, Integer max, String parent) implements Check {
        public Pattern parentPattern() {
            return parent == null ? null : Pattern.compile(parent);
        }

        @Override public String describe() {
            String who = "zombies" + (parent == null ? "" : " of /" + parent + "/") + " in the container";
            if (min != null && max != null) return min.equals(max) ? "exactly " + min + " " + who : min + " to " + max + " " + who;
            if (min != null) return "at least " + min + " " + who;
            return "at most " + (max == null ? "any number of" : max) + " " + who;
        }
    }

    /**
     * {@code count} processes of the container (default: at least one) have a command matching the regex
     * {@code command} and, when given, state {@code state} (R, S, D, Z, T, ...) and parent {@code ppid} as
     * the container numbers it (1: its init; 0: a parent outside the container).
     */
    record ProcessCheck(String command, String state, Integer ppid, Integer count) implements Check {
        public Pattern commandPattern() {
            return Pattern.compile(command);
        }

        @Override public String describe() {
            String what = "process /" + command + "/" + (state == null ? "" : " in state " + state)
                    + (ppid == null ? "" : " with parent PID " + ppid);
            if (count == null) return "a " + what + " in the container";
            return count + " × " + what + " in the container";
        }
    }

    /**
     * A value of the lab's cgroup ({@link CgroupNames#values()}) is the text {@code is}, or a number above
     * {@code above}. Exactly one of the two is given.
     */
    record CgroupValueCheck(String value, String is, Long above) implements Check {
        @Override public String describe() {
            return value + " of the lab's cgroup " + (is != null ? "is '" + is + "'" : "is above " + above);
        }
    }

    /** The container's init is in the lab's cgroup (in every hierarchy of it, on v1). */
    record InCgroupCheck(String who) implements Check {
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        public InCgroupCheck {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static InCgroupCheck of(String who) {
            return new InCgroupCheck(who);
        }

        @Override public String describe() {
            return "the container's " + who + " is in the lab's cgroup";
        }
    }
}
