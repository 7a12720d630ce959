package jlab.kernel;

/** What waitpid(2) reported for a child. */
public sealed interface WaitStatus {
    /** The child exited with {@code code}. */
    record Exited(int pid, int code) implements WaitStatus {}

    /** The child was killed by {@code signal}. */
    record Signaled(int pid, int signal, boolean coreDumped) implements WaitStatus {}

    /** The child was stopped (only with WUNTRACED). */
    record Stopped(int pid, int signal) implements WaitStatus {}

    /** WNOHANG and the child is still running. */
    record StillRunning(int pid) implements WaitStatus {}

    int pid();

    /** Decodes the wait status word the way the W* macros of glibc do. */
    static WaitStatus decode(int pid, int status) {
        int termSig = status & 0x7f;
        if (termSig == 0) return new Exited(pid, (status >> 8) & 0xff);
        if (termSig == 0x7f) return new Stopped(pid, (status >> 8) & 0xff);
        return new Signaled(pid, termSig, (status & 0x80) != 0);
    }

    /** {@code exited 0}, {@code killed by SIGKILL}. */
    default String describe() {
        return switch (this) {
            case Exited e -> "exited " + e.code();
            case Signaled s -> "killed by " + Signal.describe(s.signal()) + (s.coreDumped() ? " (core dumped)" : "");
            case Stopped s -> "stopped by " + Signal.describe(s.signal());
            case StillRunning r -> "still running";
        };
    }
}
