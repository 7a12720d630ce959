package jlab.sandbox;

import java.util.ArrayList;
import java.util.List;

import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.kernel.WaitStatus;
import jlab.ledger.Ledger;
import jlab.ledger.Resource;

/**
 * The processes jlab started in the container without waiting for them (a lab's {@code spawn:}; not the init,
 * which the sandbox reaps itself, last). They are the JVM's children, so nobody else can reap them: left alone
 * after they exit they stay zombies, which {@code ps} in the container shows and pids.max counts, in labs that
 * teach that whoever starts a process must wait for it. So each is watched through a pidfd, which becomes
 * readable when its process exits (the JVM cannot take SIGCHLD), and reaped then; a reaped one leaves the ledger.
 * Only the pids listed here are ever waited for, under one lock, so a pid freed by a reap is never mistaken
 * for a newcomer's.
 */
final class DetachedProcesses {
    /** How long a watcher stays in poll(2) before it looks whether its process was reaped by someone else. */
    private static final int POLL_MILLIS = 1_000;

    private final Syscalls quiet;
    private final Ledger ledger;
    private final List<Resource.Process> live = new ArrayList<>();

    DetachedProcesses(Syscalls quiet, Ledger ledger) {
        this.quiet = quiet;
        this.ledger = ledger;
    }

    /** Takes {@code process}, just started and in the ledger, and watches it until it exits. */
    void add(Resource.Process process) {
        synchronized (live) {
            live.add(process);
        }
        Thread.ofPlatform().daemon().name("jlab-reaper-" + process.pid()).start(() -> watch(process));
    }

    /** waitpid(pid, WNOHANG) on each: reaps those that have exited. */
    void reapExited() {
        synchronized (live) {
            live.removeIf(this::reaped);
        }
    }

    boolean any() {
        synchronized (live) {
            return !live.isEmpty();
        }
    }

    /** Stops watching (at teardown): any still here stay live in the ledger, for its teardown to kill. */
    void forget() {
        synchronized (live) {
            live.clear();
        }
    }

    /** True once {@code process} is reaped, now or earlier (ECHILD); call with the lock held. */
    private boolean reaped(Resource.Process process) {
        try {
            if (quiet.waitpid(process.pid(), true) instanceof WaitStatus.StillRunning) return false;
        } catch (SyscallException e) {
            // ECHILD: reaped already
        }
        ledger.released(process);
        return true;
    }

    private void watch(Resource.Process process) {
        int pidfd;
        synchronized (live) {
            if (!live.contains(process)) return;
            try {
                pidfd = quiet.pidfdOpen(process.pid()); // unreaped, so the pid is still this process's
            } catch (RuntimeException e) {
                return; // no pidfd (an old kernel): the sweep before each command reaps it
            }
        }
        try {
            while (watched(process)) {
                if (quiet.pollIn(pidfd, POLL_MILLIS)) {
                    synchronized (live) {
                        if (live.contains(process) && reaped(process)) live.remove(process);
                    }
                    return;
                }
            }
        } catch (RuntimeException e) {
            // the ledger could not note the release: the sweep before the next command tries again
        } finally {
            quiet.close(pidfd);
        }
    }

    private boolean watched(Resource.Process process) {
        synchronized (live) {
            return live.contains(process);
        }
    }
}
