package jlab.sandbox;

import java.util.OptionalInt;

import jlab.kernel.Signal;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.kernel.WaitStatus;
import jlab.ledger.Ledger;
import jlab.ledger.Resource;

/**
 * The container's init as jlab, its parent, sees it: its host pid and start time (so a reused pid is never
 * taken for it), signals from the host's pid namespace, and its end: a dying init waits until every process
 * of its namespace is reaped, and the processes jlab started there are jlab's to reap.
 */
final class ContainerInit {
    private static final long WAIT_NANOS = 5_000_000_000L;

    private final Syscalls kernel;
    private final Syscalls quiet;
    private final Ledger ledger;
    private final Commands commands;
    private int pid = -1;
    private long startTime;
    private boolean reaped;

    ContainerInit(Syscalls kernel, Syscalls quiet, Ledger ledger, Commands commands) {
        this.kernel = kernel;
        this.quiet = quiet;
        this.ledger = ledger;
        this.commands = commands;
    }

    /** Takes note of the init {@link Commands#spawnInit} started (and put in the ledger); returns its pid. */
    int spawned(Resource.Process init) {
        pid = init.pid();
        startTime = init.startTime();
        return pid;
    }

    boolean exists() { return pid > 0; }

    OptionalInt pid() { return pid > 0 ? OptionalInt.of(pid) : OptionalInt.empty(); }

    boolean running() {
        return pid > 0 && !reaped && commands.startTime(pid) == startTime && !commands.isZombie(pid);
    }

    /** kill(2) of the container's init from jlab, in the host's (the parent) pid namespace. */
    void signal(Signal signal) {
        if (pid < 0) throw new SandboxException("the container has no init to signal");
        if (reaped) throw new SandboxException("the container's init has exited; `reset` builds a new container");
        kernel.kill(pid, signal);
        if (signal == Signal.SIGKILL) reapDetachedUntilGone();
    }

    /**
     * After SIGKILL to the init from the host the kernel kills its whole namespace, but the processes jlab
     * started there are jlab's children: reap them, so the namespace can empty and the init become a zombie
     * (reaped, like every child of jlab, at close).
     */
    private void reapDetachedUntilGone() {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (commands.hasDetached() && System.nanoTime() < deadline) {
            commands.reapDetached();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Waits for the killed init. Its exit waits in turn until every process of its pid namespace has been
     * reaped, and the container's other processes are the JVM's children: so reap those while waiting.
     */
    private void awaitExit() {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline && !reaped) {
            commands.reapDetached();
            try {
                // once reaped, its pid may be reused: nothing may signal it again (see close)
                reaped = !(quiet.waitpid(pid, true) instanceof WaitStatus.StillRunning);
            } catch (SyscallException e) {
                reaped = true;
            }
            if (reaped) {
                ledger.released(new Resource.Process(pid, startTime));
                return;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** At teardown: SIGKILL from the host ends the whole namespace; then reap it. */
    void killAndReap() {
        if (pid < 0 || reaped) return;
        try {
            quiet.kill(pid, Signal.SIGKILL);
        } catch (SyscallException e) {
            // already gone
        }
        awaitExit();   // releases it in the ledger once reaped; if not, `jlab cleanup` retries
    }
}
