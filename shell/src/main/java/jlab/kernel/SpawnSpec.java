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
 *
 * <p>With a {@link Gate} the child is the same process, pid and all, but it runs the program only once the
 * caller lets it (see {@link SpawnGate}): so the caller can note the pid somewhere before the program runs.
 */
public record SpawnSpec(String path, List<String> argv, List<String> env, int stdin, int stdout, int stderr,
                        boolean newSession, String terminal, Gate gate) {
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
        if (gate != null) SpawnGate.requireSuitable(path, env);
    }

    /**
     * The child waits in {@code shell} (a busybox sh in the child's root) for one line on the caller's
     * descriptor {@code fd}, the read end of a pipe; then it execs the program. If the pipe reaches its end
     * first (the caller closed it, or died), it exits with status 1 and the program never runs.
     */
    public record Gate(String shell, int fd) {
        public Gate {
            Objects.requireNonNull(shell, "shell");
            if (!shell.startsWith("/")) throw new IllegalArgumentException("the gate's shell needs an absolute path: " + shell);
            if (fd < 0) throw new IllegalArgumentException("the gate needs a descriptor: " + fd);
        }
    }

    public SpawnSpec(String path, List<String> argv, List<String> env, int stdin, int stdout, int stderr,
                     boolean newSession, String terminal) {
        this(path, argv, env, stdin, stdout, stderr, newSession, terminal, null);
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
        return new SpawnSpec(path, argv, env, stdin, stdoutFd, stderrFd, newSession, terminal, gate);
    }

    public SpawnSpec withInput(int stdinFd) {
        return new SpawnSpec(path, argv, env, stdinFd, stdout, stderr, newSession, terminal, gate);
    }

    /** The same spawn, held at {@code gate} until the caller writes a line to the other end of its pipe. */
    public SpawnSpec withGate(Gate gate) {
        return new SpawnSpec(path, argv, env, stdin, stdout, stderr, newSession, terminal, Objects.requireNonNull(gate, "gate"));
    }
}
