package jlab.kernel;

import java.util.List;
import java.util.Objects;

/**
 * What posix_spawn(3) should start: the executable's path (as seen from the calling thread's root), argv
 * and environment, and which of the caller's file descriptors become the child's 0, 1 and 2
 * ({@link #DEV_NULL} opens /dev/null of the child's root instead). The child always gets
 * {@code chdir("/")}, every other descriptor closed, default signal dispositions, an empty signal mask
 * and, when {@code newSession}, its own session (setsid).
 *
 * <p>{@link #TERMINAL} opens {@code terminal} (a tty path in the child's root) instead, read-write and
 * without O_NOCTTY, once: the first stream that names it opens it, later ones are copies. glibc applies
 * setsid before the file actions, so a child in a new session gets that tty as its controlling terminal.
 */
public record SpawnSpec(String path, List<String> argv, List<String> env, int stdin, int stdout, int stderr,
                        boolean newSession, String terminal) {
    public static final int DEV_NULL = -1;
    public static final int TERMINAL = -2;

    /** A plain environment for programs inside a container. */
    public static final List<String> DEFAULT_ENV =
            List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", "TERM=dumb");

    public SpawnSpec {
        Objects.requireNonNull(path, "path");
        argv = List.copyOf(argv);
        env = List.copyOf(env);
        if (argv.isEmpty()) throw new IllegalArgumentException("argv must name the program");
        boolean wantsTerminal = stdin == TERMINAL || stdout == TERMINAL || stderr == TERMINAL;
        if (wantsTerminal != (terminal != null)) {
            throw new IllegalArgumentException("a terminal path goes with TERMINAL streams, and only with them");
        }
    }

    public SpawnSpec(String path, List<String> argv, List<String> env, int stdin, int stdout, int stderr,
                     boolean newSession) {
        this(path, argv, env, stdin, stdout, stderr, newSession, null);
    }

    /** Runs {@code argv} by absolute path with all three standard streams on /dev/null, in a new session. */
    public static SpawnSpec of(String path, List<String> argv) {
        return new SpawnSpec(path, argv, DEFAULT_ENV, DEV_NULL, DEV_NULL, DEV_NULL, true);
    }

    public SpawnSpec withOutput(int stdoutFd, int stderrFd) {
        return new SpawnSpec(path, argv, env, stdin, stdoutFd, stderrFd, newSession, terminal);
    }

    public SpawnSpec withInput(int stdinFd) {
        return new SpawnSpec(path, argv, env, stdinFd, stdout, stderr, newSession, terminal);
    }
}
