package jlab.sandbox;

import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import jlab.kernel.Errno;
import jlab.kernel.Signal;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.kernel.WaitStatus;
import jlab.kernel.WindowSize;
import jlab.ledger.Ledger;
import jlab.ledger.Resource;

/**
 * An interactive shell inside the container on a pseudo-terminal; jlab holds the master side and pumps
 * bytes between it and the learner's terminal. Opened by {@link Commands#openShell}.
 *
 * <p>How the shell gets a controlling terminal: the container has a devpts of its own at /dev/pts (every
 * devpts mount is a new instance since Linux 4.7, as runc and docker give each container one). jlab opens
 * that instance's ptmx from the container's thread (O_NOCTTY: jlab does not want it as its own tty),
 * unlocks the slave (TIOCSPTLCK) and learns its number N (TIOCGPTN). The shell is spawned with
 * POSIX_SPAWN_SETSID and the file action open("/dev/pts/N", O_RDWR) without O_NOCTTY, copied to its other
 * standard streams; glibc runs setsid before the file actions, so the open happens in a session leader
 * with no terminal, and the kernel makes the tty its controlling terminal. The path is looked up in the
 * child's root and mount namespace, which is why the container needs a devpts inside and why the host's
 * /dev/pts/N would not do (it is not there after pivot_root). The shell is then session and process
 * group leader on its own tty: job control works, ^C and ^Z become signals for its foreground job, and
 * TIOCSWINSZ on the master sends SIGWINCH there. Busybox's {@code setsid -c} would be the other way (dup
 * the slave into 0, 1, 2, then TIOCSCTTY), but it forks when already a session leader, and jlab would
 * then be waiting for the wrong process; and {@code tty} inside would find no /dev/pts/N to name.
 *
 * <p>The shell is in the ledger while it lives and is always reaped by {@link #close}.
 */
public final class ContainerShell implements AutoCloseable {
    private static final long HANGUP_GRACE_NANOS = 1_000_000_000L, REAP_POLL_NANOS = 5_000_000L;

    private final Syscalls quiet;
    private final Ledger ledger;
    private final Resource.Process resource;
    private final int master;
    private final String tty;
    private WaitStatus status;
    private boolean closed;

    ContainerShell(Syscalls quiet, Ledger ledger, Resource.Process resource, int master, String tty) {
        this.quiet = quiet;
        this.ledger = ledger;
        this.resource = resource;
        this.master = master;
        this.tty = tty;
    }

    /** The shell's host pid. */
    public int pid() { return resource.pid(); }

    /** Its terminal as the container names it, e.g. {@code /dev/pts/0}. */
    public String tty() { return tty; }

    /** The master side, for tests that look at the terminal from outside. */
    public int masterFd() { return master; }

    /**
     * Reads what the shell (and whatever runs on its terminal) wrote, waiting up to {@code timeoutMillis}:
     * the number of bytes, 0 when nothing came in time, -1 once the shell has ended and all it wrote
     * before has been read. Reaps the shell when it has ended.
     */
    public int read(byte[] buffer, int timeoutMillis) {
        // Looked at before polling: what the shell wrote before it ended is readable by then.
        boolean ended = reapIfEnded();
        if (!quiet.pollIn(master, ended ? 0 : timeoutMillis)) return ended ? -1 : 0;
        int n;
        try {
            n = quiet.read(master, buffer);
        } catch (SyscallException e) {
            if (e.errno().number() != Errno.EIO) throw e;
            n = 0; // EIO: no process has the slave open any more
        }
        if (n > 0) return n;
        if (!ended) end();
        return -1;
    }

    /** Writes {@code length} bytes as if typed on the shell's terminal; dropped once it has hung up. */
    public void write(byte[] bytes, int offset, int length) {
        int done = 0;
        while (done < length) {
            try {
                done += quiet.write(master, bytes, offset + done, length - done);
            } catch (SyscallException e) {
                if (e.errno().number() == Errno.EIO) return;
                throw e;
            }
        }
    }

    /** Sets the terminal's size; the shell's foreground job gets SIGWINCH. Ignored once closed. */
    public synchronized void resize(WindowSize size) {
        if (!closed) quiet.setWindowSize(master, size);
    }

    /** How the shell ended, once it has and was reaped. */
    public synchronized Optional<WaitStatus> status() {
        return Optional.ofNullable(status);
    }

    private synchronized boolean reapIfEnded() {
        if (status != null) return true;
        WaitStatus s = quiet.waitpid(pid(), true);
        if (s instanceof WaitStatus.StillRunning) return false;
        reaped(s);
        return true;
    }

    private void reaped(WaitStatus s) {
        status = s;
        ledger.released(resource);
    }

    /**
     * Ends the shell if it still runs (SIGHUP, as a closing terminal would, then SIGKILL), reaps it and
     * closes the master. Returns how it ended. Closing again returns the same.
     */
    public synchronized WaitStatus end() {
        if (status == null) {
            signal(Signal.SIGHUP);
            long deadline = System.nanoTime() + HANGUP_GRACE_NANOS;
            while (!reapIfEnded() && System.nanoTime() < deadline) LockSupport.parkNanos(REAP_POLL_NANOS);
            if (status == null) {
                signal(Signal.SIGKILL);
                reaped(quiet.waitpid(pid(), false));
            }
        }
        return status;
    }

    private void signal(Signal signal) {
        try {
            quiet.kill(pid(), signal); // still our unreaped child: the pid cannot have been reused
        } catch (SyscallException e) {
            // it has just exited; waitpid reaps it
        }
    }

    @Override public synchronized void close() {
        if (closed) return;
        try {
            end();
        } finally {
            closed = true;
            quiet.close(master);
        }
    }
}
