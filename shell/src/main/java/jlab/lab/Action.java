package jlab.lab;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
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
            return "start '" + ShellWords.join(argv) + "'"
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
            return "run '" + ShellWords.join(argv) + "' in the container";
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
