package jlab.lab;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import jlab.kernel.Namespace;

/**
 * A kernel operation a step performs ({@code do:}) or that solves its task ({@code solution:}). In YAML each
 * action is a one-key mapping whose key names the action: {@code unshare: [uts, pid]}, {@code chroot: {}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
        @JsonSubTypes.Type(value = Action.Unshare.class, name = "unshare"),
        @JsonSubTypes.Type(value = Action.MakePrivate.class, name = "make-private"),
        @JsonSubTypes.Type(value = Action.Spawn.class, name = "spawn"),
        @JsonSubTypes.Type(value = Action.Exec.class, name = "exec"),
        @JsonSubTypes.Type(value = Action.SetHostname.class, name = "sethostname"),
        @JsonSubTypes.Type(value = Action.MountProc.class, name = "mount-proc"),
        @JsonSubTypes.Type(value = Action.Mount.class, name = "mount"),
        @JsonSubTypes.Type(value = Action.Chroot.class, name = "chroot"),
        @JsonSubTypes.Type(value = Action.PivotRoot.class, name = "pivot-root"),
        @JsonSubTypes.Type(value = Action.Veth.class, name = "veth"),
        @JsonSubTypes.Type(value = Action.Bridge.class, name = "bridge"),
        @JsonSubTypes.Type(value = Action.MoveLink.class, name = "move-link"),
        @JsonSubTypes.Type(value = Action.Enslave.class, name = "enslave"),
        @JsonSubTypes.Type(value = Action.LinkUp.class, name = "link-up"),
        @JsonSubTypes.Type(value = Action.AddAddress.class, name = "address"),
        @JsonSubTypes.Type(value = Action.DefaultRoute.class, name = "route"),
        @JsonSubTypes.Type(value = Action.Overlay.class, name = "overlay"),
        @JsonSubTypes.Type(value = Action.Umount.class, name = "umount"),
        @JsonSubTypes.Type(value = Action.Install.class, name = "install"),
        @JsonSubTypes.Type(value = Action.SendSignal.class, name = "signal"),
        @JsonSubTypes.Type(value = Action.CgroupCreate.class, name = "cgroup"),
        @JsonSubTypes.Type(value = Action.CgroupSet.class, name = "cgroup-set"),
        @JsonSubTypes.Type(value = Action.CgroupMove.class, name = "cgroup-move")})
public sealed interface Action {

    /** One line for the learner, e.g. "set the container's hostname to 'lab'". */
    String describe();

    /** The YAML key of this action, e.g. {@code make-private}. */
    default String keyword() {
        return Vocabulary.ACTIONS.nameOf(getClass());
    }

    /** unshare(2) on the container's thread. */
    record Unshare(Set<Namespace> namespaces) implements Action {
        // Written as a list only: a mapping must not reach this constructor through Jackson's record support.
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        public Unshare {
            EnumSet<Namespace> set = EnumSet.noneOf(Namespace.class);
            set.addAll(namespaces);
            namespaces = Collections.unmodifiableSet(set);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Unshare of(List<Namespace> namespaces) {
            return new Unshare(Set.copyOf(Lists.copy(namespaces)));
        }

        @Override public String describe() {
            return "new " + namespaces.stream().map(Vocabulary::namespaceName).collect(Collectors.joining(", "))
                    + " namespaces for the container";
        }
    }

    /** Stops mount propagation between the lab's mount namespace and the host's below {@code path}. */
    record MakePrivate(String path) implements Action {
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        public MakePrivate {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static MakePrivate of(String path) {
            return new MakePrivate(path);
        }

        @Override public String describe() {
            return "make the mounts under " + path + " private (no propagation to or from the host)";
        }
    }

    /** posix_spawn inside the sandbox; {@link Role#INIT} makes it the container's init. */
    record Spawn(List<String> argv, Role role) implements Action {
        public enum Role { INIT, CHILD }

        public Spawn {
            argv = Lists.copy(argv);
            role = role == null ? Role.CHILD : role;
        }

        @Override public String describe() {
            return "start '" + ShellQuoting.join(argv) + "'"
                    + (role == Role.INIT ? " as the container's init" : " in the container");
        }
    }

    /** Runs a command inside the sandbox and waits for it. */
    record Exec(List<String> argv) implements Action {
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        public Exec {
            argv = Lists.copy(argv);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Exec of(List<String> argv) {
            return new Exec(argv);
        }

        @Override public String describe() {
            return "run '" + ShellQuoting.join(argv) + "' in the container";
        }
    }

    /** sethostname(2) in the container's UTS namespace. */
    record SetHostname(String hostname) implements Action {
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        public SetHostname {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static SetHostname of(String hostname) {
            return new SetHostname(hostname);
        }

        @Override public String describe() {
            return "set the container's hostname to '" + hostname + "'";
        }
    }

    /** A procfs at the rootfs's /proc that shows the container's pid namespace. */
    record MountProc() implements Action {
        @Override public String describe() {
            return "mount /proc for the container's pid namespace";
        }
    }

    /** A tmpfs or proc mount inside the rootfs, in the lab's own mount namespace. */
    record Mount(FsType type, String target, String options) implements Action {
        public enum FsType { TMPFS, PROC }

        @Override public String describe() {
            String fs = type == null ? "?" : Vocabulary.lower(type);
            return "mount a " + fs + " at " + target + (options == null ? "" : " (" + options + ")");
        }
    }

    /** chroot(2) of the container's thread into the rootfs. */
    record Chroot() implements Action {
        @Override public String describe() {
            return "chroot into the container's root file system";
        }
    }

    /** Bind-mounts the rootfs on itself, pivot_root(2)s into it and detaches the old root. */
    record PivotRoot() implements Action {
        @Override public String describe() {
            return "pivot_root into the container's root file system and detach the old root";
        }
    }

    private static NetPlace hubIfNull(NetPlace place) { return place == null ? NetPlace.HUB : place; }

    /** A veth pair {@code name} + {@code peer}, both ends in {@code where} (default hub). */
    record Veth(String name, String peer, @JsonProperty("in") NetPlace where) implements Action {
        public Veth { where = hubIfNull(where); }

        @Override public String describe() {
            return "create the veth pair " + name + " <-> " + peer + " in " + Vocabulary.lower(where);
        }
    }

    /** A bridge {@code name} in {@code where} (default hub). */
    record Bridge(String name, @JsonProperty("in") NetPlace where) implements Action {
        public Bridge { where = hubIfNull(where); }

        @Override public String describe() { return "create the bridge " + name + " in " + Vocabulary.lower(where); }
    }

    /** Moves {@code link} from {@code from} (default hub) into {@code to}'s network namespace. */
    record MoveLink(String link, NetPlace from, NetPlace to) implements Action {
        public MoveLink { from = hubIfNull(from); }

        @Override public String describe() {
            return "move " + link + " from " + Vocabulary.lower(from) + " into " + (to == null ? "?" : Vocabulary.lower(to));
        }
    }

    /** Makes {@code link} a port of {@code bridge} (IFLA_MASTER), both in {@code where} (default hub). */
    record Enslave(String link, String bridge, @JsonProperty("in") NetPlace where) implements Action {
        public Enslave { where = hubIfNull(where); }

        @Override public String describe() { return "attach " + link + " to the bridge " + bridge; }
    }

    /** Sets (or with {@code up: false} clears) IFF_UP on {@code link} in {@code where} (default hub). */
    record LinkUp(String link, @JsonProperty("in") NetPlace where, boolean up) implements Action {
        @JsonCreator
        static LinkUp of(@JsonProperty("link") String link, @JsonProperty("in") NetPlace where, @JsonProperty("up") Boolean up) {
            return new LinkUp(link, hubIfNull(where), !Boolean.FALSE.equals(up));
        }

        @Override public String describe() {
            return "bring " + link + " in " + Vocabulary.lower(where) + (up ? " up" : " down");
        }
    }

    /** The address {@code .host}/24 of the lab's subnet on {@code link} in {@code where} (default hub). */
    record AddAddress(String link, @JsonProperty("in") NetPlace where, int host) implements Action {
        public AddAddress { where = hubIfNull(where); }

        @Override public String describe() {
            return "give " + link + " in " + Vocabulary.lower(where) + " the address ." + host + " of the lab's subnet";
        }
    }

    /** A default route in {@code where} via the lab subnet's {@code .via}. */
    record DefaultRoute(@JsonProperty("in") NetPlace where, int via) implements Action {
        @Override public String describe() {
            return "add a default route in " + (where == null ? "?" : Vocabulary.lower(where)) + " via ." + via;
        }
    }

    /** An overlay mount at {@code merged} of {@code lower} (top first), {@code upper} and {@code work}, inside the rootfs. */
    record Overlay(List<String> lower, String upper, String work, String merged) implements Action {
        public Overlay {
            lower = Lists.copy(lower);
        }

        @Override public String describe() {
            return "mount an overlay at " + merged + " (lower " + String.join(":", lower) + ", upper " + upper + ")";
        }
    }

    /** umount2(2) of a mount point inside the rootfs, in the lab's own mount namespace. */
    record Umount(String path) implements Action {
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        public Umount {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Umount of(String path) {
            return new Umount(path);
        }

        @Override public String describe() {
            return "unmount " + path + " in the container";
        }
    }

    /** Copies a statically linked host tool jlab knows (e.g. {@code tini}) into the rootfs. */
    record Install(String tool) implements Action {
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        public Install {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Install of(String tool) {
            return new Install(tool);
        }

        @Override public String describe() {
            return "copy " + tool + " into the container";
        }
    }

    /**
     * Sends {@code signal} (TERM, KILL, ...) to the container's init: {@code from: container} runs kill(1)
     * inside its pid namespace, {@code from: host} calls kill(2) from jlab, in the parent pid namespace.
     */
    record SendSignal(Target to, String signal, From from) implements Action {
        public enum Target { INIT }

        public enum From { CONTAINER, HOST }

        public SendSignal {
            to = to == null ? Target.INIT : to;
            from = from == null ? From.CONTAINER : from;
        }

        /** The signal named, written TERM or SIGTERM in any case; empty for a name jlab does not know. */
        public java.util.Optional<jlab.kernel.Signal> kernelSignal() {
            if (signal == null) return java.util.Optional.empty();
            String name = signal.strip().toUpperCase(java.util.Locale.ROOT);
            String full = name.startsWith("SIG") ? name : "SIG" + name;
            return java.util.Arrays.stream(jlab.kernel.Signal.values()).filter(s -> s.name().equals(full)).findFirst();
        }

        @Override public String describe() {
            return "send " + kernelSignal().map(Enum::name).orElse(String.valueOf(signal)) + " to the container's init from "
                    + (from == From.HOST ? "the host" : "inside the container");
        }
    }

    /** Creates the lab's cgroup (jlab/<session> in each hierarchy) with these controllers (all three if none). */
    record CgroupCreate(List<String> controllers) implements Action {
        public CgroupCreate {
            controllers = controllers == null ? List.of() : Lists.copy(controllers);
        }

        @Override public String describe() {
            return "create the lab's cgroup" + (controllers.isEmpty() ? "" : " with " + String.join(", ", controllers));
        }
    }

    /** Writes a limit to the lab's cgroup, named as on cgroup v2 ({@code cpu.max}); v1 hosts get the translation. */
    record CgroupSet(String file, String value) implements Action {
        @Override public String describe() {
            return "set " + file + " of the lab's cgroup to '" + value + "'";
        }
    }

    /** Moves the container's init into the lab's cgroup; every later command starts there too. */
    record CgroupMove(String who) implements Action {
        @JsonCreator(mode = JsonCreator.Mode.DISABLED)
        public CgroupMove {}

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static CgroupMove of(String who) {
            return new CgroupMove(who);
        }

        @Override public String describe() {
            return "move the container's " + who + " into the lab's cgroup";
        }
    }
}
