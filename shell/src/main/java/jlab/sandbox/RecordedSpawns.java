package jlab.sandbox;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

import jlab.kernel.Pipe;
import jlab.kernel.SpawnGate;
import jlab.kernel.SpawnSpec;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.ledger.Ledger;
import jlab.ledger.Resource;
import jlab.proc.ProcFs;

/**
 * How every process of a lab's container starts: held at a gate until it is in the ledger (and, once the
 * lab has a cgroup, in that cgroup), then let through to its program. A process has no pid to record before
 * it exists, and a jlab killed between the spawn and the record would otherwise leave it running where
 * {@code jlab cleanup} cannot find it: the container's init above all, which keeps its pid namespace alive.
 */
final class RecordedSpawns {
    /** How long a spawn waits for its gate to become the program before it returns anyway. */
    private static final long EXEC_WAIT_NANOS = 5_000_000_000L;

    private final Sandbox sandbox;
    private final Syscalls quiet;
    private final Ledger ledger;
    private final ProcFs proc;
    private volatile IntConsumer placer;
    private volatile IntConsumer beforeRecord = pid -> { };
    /** The comm each recent spawn runs after its gate, by pid, for {@link #programOf}. */
    private final java.util.Map<Integer, String> programs = new java.util.LinkedHashMap<>() {
        @Override protected boolean removeEldestEntry(java.util.Map.Entry<Integer, String> eldest) {
            return size() > RECENT_PROGRAMS;
        }
    };
    private static final int RECENT_PROGRAMS = 1024;

    RecordedSpawns(Sandbox sandbox, Syscalls quiet, Ledger ledger, ProcFs proc) {
        this.sandbox = sandbox;
        this.quiet = quiet;
        this.ledger = ledger;
        this.proc = proc;
    }

    void placeWith(IntConsumer placer) {
        this.placer = placer;
    }

    void beforeRecord(IntConsumer hook) {
        this.beforeRecord = hook;
    }

    /**
     * The comm of the program a recent spawn let {@code pid} run: the kernel names a process after the last
     * part of the path it execs, cut to 15 bytes. Null for pids this did not start.
     */
    synchronized String programOf(int pid) {
        return programs.get(pid);
    }

    static String comm(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return bytes.length <= 15 ? name : new String(bytes, 0, 15, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Spawns {@code spec} held at a gate ({@link SpawnGate}), notes it in the ledger, puts it into the lab's
     * cgroup when a placer is set, and only then lets it run the program: a jlab killed before the go-ahead
     * closes the gate's pipe, and the child exits without running anything, so no process of a lab ever runs
     * without being in the ledger. Returns once the child runs the program, as posix_spawn would.
     */
    Resource.Process spawn(SpawnSpec spec) {
        Pipe gate = quiet.pipe();
        SpawnSpec gated = spec.withGate(new SpawnSpec.Gate(BusyboxRootfs.SHELL, gate.readFd()));
        int pid;
        try {
            pid = sandbox.inRootfs(() -> sandbox.kernel().spawn(gated));
        } catch (RuntimeException e) {
            quiet.close(gate.writeFd());
            throw e;
        } finally {
            quiet.close(gate.readFd());
        }
        Resource.Process resource = null;
        boolean noted = false;
        try {
            beforeRecord.accept(pid);
            resource = ledger.record(new Resource.Process(pid, proc.startTime(pid).orElse(-1)));
            IntConsumer place = placer;
            if (place != null) place.accept(pid);
            noted = true;
        } finally {
            if (!noted) {
                quiet.close(gate.writeFd()); // the gate reads end of file and exits: the program never runs
                quiet.waitpid(pid, false);
                if (resource != null) ledger.released(resource);
            }
        }
        synchronized (this) {
            programs.put(pid, comm(spec.path()));
        }
        goAhead(gate.writeFd());
        awaitProgram(pid, SpawnGate.standIn(gated).argv());
        return resource;
    }

    private void goAhead(int fd) {
        try {
            quiet.write(fd, SpawnGate.GO_AHEAD, 0, SpawnGate.GO_AHEAD.length);
        } catch (SyscallException e) {
            // EPIPE: the gate was killed before it read; its wait status tells the caller
        } finally {
            quiet.close(fd);
        }
    }

    /**
     * Waits until the gate has exec'd the program or has ended, so that whatever looks at the process next
     * sees the program, as it would after a plain posix_spawn. The program runs once /proc shows an argv
     * that is neither the gate's nor, in the moment after the spawn, this JVM's ({@link ProcFs#spawnedCmdline});
     * during an exec the kernel shows an empty one for a moment (the new image's arguments are set after the
     * old one is gone), as it does for a zombie.
     */
    private void awaitProgram(int pid, List<String> gateArgv) {
        long deadline = System.nanoTime() + EXEC_WAIT_NANOS;
        long pause = 20_000;
        int self = quiet.getpid();
        while (System.nanoTime() < deadline) {
            List<String> argv = proc.spawnedCmdline(pid, self);
            if (argv.isEmpty() ? proc.stat(pid).map(s -> s.state() == 'Z').orElse(true) : !argv.equals(gateArgv)) return;
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 1_000_000);
        }
    }
}
