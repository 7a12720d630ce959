package jlab.events;

/**
 * One {@code struct proc_event} as the kernel sent it (include/uapi/linux/cn_proc.h). Pids are those of the
 * initial pid namespace; {@code timestampNs} counts from boot. Thread events are kept: a fork whose child
 * pid differs from its child tgid made a thread, not a process.
 */
public sealed interface ProcEvent {

    long timestampNs();

    /** PROC_EVENT_FORK: {@code parentPid} is the thread that forked, {@code parentTgid} its process. */
    record Fork(long timestampNs, int parentPid, int parentTgid, int childPid, int childTgid) implements ProcEvent {
        public boolean newProcess() { return childPid == childTgid; }
    }

    /** PROC_EVENT_EXEC: the process now runs a new program. */
    record Exec(long timestampNs, int pid, int tgid) implements ProcEvent {}

    /**
     * PROC_EVENT_EXIT: {@code exitCode} is the wait status ({@code code << 8} for exit, the signal number
     * when killed), {@code exitSignal} the signal its parent is sent (SIGCHLD), not how it died. The parent
     * fields were added in Linux 4.18 and are 0 before.
     */
    record Exit(long timestampNs, int pid, int tgid, int exitCode, int exitSignal, int parentPid, int parentTgid)
            implements ProcEvent {
        public boolean threadGroupLeader() { return pid == tgid; }

        public boolean killed() { return (exitCode & 0x7f) != 0; }

        /** The signal that killed it, when {@link #killed()}. */
        public int signal() { return exitCode & 0x7f; }

        /** The exit status it passed to exit(2), when not killed. */
        public int status() { return (exitCode >> 8) & 0xff; }
    }

    /**
     * PROC_EVENT_NONE: the answer to a listen or ignore request; {@code err} is an errno, 0 on success.
     * {@code ack} is the cn_msg ack field, the request's ack plus one (the kernel rewrites seq), so a
     * listener can tell the answer to its own request from the answers to others'.
     */
    record Ack(long timestampNs, int err, int ack) implements ProcEvent {}

    /** Any other kind (uid, gid, sid, ptrace, comm, coredump), kept only by its {@code what} value. */
    record Other(long timestampNs, int what) implements ProcEvent {}
}
