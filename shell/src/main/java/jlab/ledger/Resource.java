package jlab.ledger;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something jlab creates on the host that must not outlive the session. Each kind knows how to describe
 * itself in one line; how it is undone is the {@link Releaser}'s business.
 */
public sealed interface Resource {

    /** One line for the learner, e.g. {@code process 4242 (start time 79217)}. */
    String describe();

    /** A directory jlab made; removed recursively, never through symlinks or mount points. */
    record Directory(Path path) implements Resource {
        public Directory { path = absolute(path); }

        @Override public String describe() { return "directory " + path; }
    }

    /**
     * A mount at {@code target}. Mounts made inside a lab's private mount namespace vanish with that
     * namespace; only {@code hostNamespace} mounts need an explicit umount.
     */
    record Mount(Path target, boolean hostNamespace) implements Resource {
        public Mount { target = absolute(target); }

        @Override public String describe() {
            return "mount on " + target + (hostNamespace ? " (host namespace)" : " (lab's mount namespace)");
        }
    }

    /** A process, named by pid and start time (field 22 of /proc/pid/stat) so a reused pid is never hit. */
    record Process(int pid, long startTime) implements Resource {
        public Process {
            if (pid <= 0) throw new IllegalArgumentException("pid must be positive: " + pid);
        }

        @Override public String describe() { return "process " + pid + " (start time " + startTime + ")"; }
    }

    /** A network namespace kept alive by a bind mount of its nsfs file (what {@code ip netns add} does). */
    record NetNamespace(Path bindMount) implements Resource {
        public NetNamespace { bindMount = absolute(bindMount); }

        @Override public String describe() { return "network namespace pinned at " + bindMount; }
    }

    /** A cgroup directory (one per hierarchy on cgroup v1). */
    record Cgroup(Path dir) implements Resource {
        public Cgroup { dir = absolute(dir); }

        @Override public String describe() { return "cgroup " + dir; }
    }

    /** Ledger entries outlive the process that wrote them, so a relative path would mean nothing later. */
    private static Path absolute(Path path) {
        Objects.requireNonNull(path, "path");
        if (!path.isAbsolute()) throw new IllegalArgumentException("resource paths must be absolute: " + path);
        return path.normalize();
    }
}
