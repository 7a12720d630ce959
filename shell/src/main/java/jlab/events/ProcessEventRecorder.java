package jlab.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import jlab.kernel.Errno;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.proc.ProcFs;
import jlab.proc.ProcStatus;

/**
 * Listens to the kernel's process-events connector while a step's actions or a learner's command run, and
 * keeps the fork, exec and exit events of the container's processes. It runs on a platform thread of its
 * own, started here from the caller (the shell's side, never the container's thread, which may no longer
 * create threads), in the host's namespaces: the connector reports only to listeners in the initial pid
 * and user namespaces, with host pids.
 *
 * <p>A process belongs to the container when the container's thread spawned it (jlab's commands and init)
 * or its parent belongs. Its container pid and name are read from /proc/PID/status as the event arrives,
 * while the process still exists (a zombie still has both); {@link ProgramNames} decides which program
 * each reading names. {@link #stop} returns once every event queued
 * before it was read: the kernel queues an event at the fork, exec or exit itself, so the queue is read
 * until it is empty or holds an event from after the stop.
 *
 * <p>jlab starts each process of the container held at a gate, a shell that execs the program once jlab has
 * noted it (see {@link jlab.kernel.SpawnGate}). So the first exec of a process jlab forked is the gate's:
 * it is kept, so each reading of /proc is matched to the right program, but never shown.
 */
public final class ProcessEventRecorder {
    /**
     * Who the container's processes are: jlab's pid, the container thread's tid, its init, what runs now; and
     * the program jlab let each of its own processes run after the gate, by pid (null when unknown).
     */
    public record Scope(int jlabPid, int spawnerTid, OptionalInt initPid, Set<Integer> running, IntFunction<String> spawned) {
        public Scope {
            running = Set.copyOf(running);
            java.util.Objects.requireNonNull(spawned, "spawned");
        }

        public Scope(int jlabPid, int spawnerTid, OptionalInt initPid, Set<Integer> running) {
            this(jlabPid, spawnerTid, initPid, running, pid -> null);
        }
    }

    private static final int ENOBUFS = 105, EPROTONOSUPPORT = 93, ECONNREFUSED = 111;
    private static final int BUFFER_BYTES = 4 << 20;
    private static final int POLL_MILLIS = 50;
    private static final long ANSWER_TIMEOUT_MILLIS = 5000;
    /** Events from several CPUs may reach the queue a little out of order. */
    private static final long STOP_MARGIN_NS = 2_000_000;
    private static final AtomicInteger REQUESTS = new AtomicInteger(ProcessHandle.current().hashCode() & 0xffff);

    private final Syscalls kernel;
    private final ProcFs proc;
    private final Scope scope;
    private final String label;
    /** The id of this recorder's requests: its answer carries ack {@code seq + 1}. */
    private final int seq = REQUESTS.incrementAndGet();
    private final CountDownLatch answered = new CountDownLatch(1);
    private final Set<Integer> members = new HashSet<>();
    /** Processes jlab forked that have not yet exec'd out of the gate. */
    private final Set<Integer> atGate = new HashSet<>();
    private final Set<Integer> seen = new LinkedHashSet<>();
    private final List<ProgramNames.Raw> events = new ArrayList<>();
    private final List<ProgramNames.Reading> readings = new ArrayList<>();
    private volatile boolean stopping;
    /** When stop() was called, on the events' clock (CLOCK_MONOTONIC, as System.nanoTime). */
    private volatile long stopNs;
    private volatile String problem;
    private volatile long startNs;
    private int level = -1;
    private int lost;
    private Thread thread;

    private ProcessEventRecorder(Syscalls kernel, ProcFs proc, Scope scope, String label) {
        this.kernel = kernel;
        this.proc = proc;
        this.scope = scope;
        this.label = label;
    }

    /** Starts listening and returns once the kernel confirmed it (or refused: {@link #stop} then says why). */
    public static ProcessEventRecorder start(Syscalls kernel, ProcFs proc, Scope scope, String label) {
        ProcessEventRecorder recorder = new ProcessEventRecorder(kernel, proc, scope, label);
        recorder.seed();
        recorder.thread = Thread.ofPlatform().name("jlab-process-events").daemon().start(recorder::listen);
        try {
            if (!recorder.answered.await(ANSWER_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                recorder.problem = "the process-events connector did not answer the listen request within "
                        + ANSWER_TIMEOUT_MILLIS / 1000 + " s";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return recorder;
    }

    /**
     * Whether the kernel reports process events to this process: listens as {@code show events} does, and
     * stops at once. Empty when the kernel accepted PROC_CN_MCAST_LISTEN, else why not, in one sentence.
     */
    public static Optional<String> probe(Syscalls kernel, ProcFs proc) {
        Scope nobody = new Scope((int) ProcessHandle.current().pid(), -1, OptionalInt.empty(), Set.of());
        return Optional.ofNullable(start(kernel, proc, nobody, "probe").stop().problem());
    }

    /** The processes already in the container are members from the start, so their exits count too. */
    private void seed() {
        scope.initPid().ifPresent(init -> proc.status(init).ifPresent(s -> level = s.nsPids().size() - 1));
        members.addAll(scope.running());
        for (int pid : scope.running()) read(pid);
    }

    private void listen() {
        int fd;
        try {
            fd = kernel.netlinkMulticastSocket(ProcConnectorCodec.NETLINK_CONNECTOR, ProcConnectorCodec.CN_IDX_PROC,
                    BUFFER_BYTES, POLL_MILLIS);
        } catch (SyscallException e) {
            problem = refusal(e);
            answered.countDown();
            return;
        } catch (UnsupportedOperationException e) {
            problem = "process events are not available here (" + e.getMessage() + ")";
            answered.countDown();
            return;
        }
        try {
            kernel.netlinkSend(fd, ProcConnectorCodec.mcastRequest(ProcConnectorCodec.PROC_CN_MCAST_LISTEN, seq));
            receiveUntilStopped(fd);
        } catch (SyscallException e) {
            problem = refusal(e);
        } finally {
            try {
                kernel.netlinkSend(fd, ProcConnectorCodec.mcastRequest(ProcConnectorCodec.PROC_CN_MCAST_IGNORE, seq));
            } catch (SyscallException e) {
                // the socket is closed next; the kernel's listener count is all this would have lowered
            }
            kernel.close(fd);
            answered.countDown();
        }
    }

    private void receiveUntilStopped(int fd) {
        byte[] buffer = new byte[64 * 1024];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_TIMEOUT_MILLIS);
        boolean listening = false;
        while (problem == null) {
            // Read before the receive: only an empty queue seen after stop() was called says all before it was read.
            boolean stopped = stopping;
            int length;
            try {
                length = kernel.netlinkReceive(fd, buffer);
            } catch (SyscallException e) {
                int errno = e.errno().number();
                if (errno == Errno.EAGAIN) {
                    // nothing queued: everything that happened before stop() has been read
                    if (stopped || (!listening && System.nanoTime() > deadline)) return;
                    continue;
                }
                if (errno == ENOBUFS) {
                    lost++;
                    continue;
                }
                throw e;
            }
            for (ProcEvent event : ProcConnectorCodec.decode(buffer, length)) {
                // on a busy host the queue may never run dry: an event from after stop() means all before it were read
                if (stopping && event.timestampNs() > stopNs + STOP_MARGIN_NS) return;
                if (!listening) {
                    if (event instanceof ProcEvent.Ack ack && ack.ack() == seq + 1) {
                        listening = true;
                        if (ack.err() != 0) {
                            Errno errno = Errno.of(ack.err());
                            problem = "the kernel refused to report process events: PROC_CN_MCAST_LISTEN = " + errno;
                        }
                        startNs = ack.timestampNs();
                        answered.countDown();
                    }
                    continue;
                }
                handle(event);
            }
        }
    }

    private static String refusal(SyscallException e) {
        int errno = e.errno().number();
        // The connector's kernel socket exists in the initial network namespace only: elsewhere the socket
        // opens, and the listen request finds nobody to take it.
        String why = errno == EPROTONOSUPPORT ? " (a kernel built without the netlink connector, CONFIG_CONNECTOR)"
                : errno == ECONNREFUSED ? " (the connector answers in the host's network namespace only)" : "";
        return "the kernel refused to report process events: " + e.call() + "(" + String.join(", ", e.args()) + ") = "
                + e.errno() + why;
    }

    private void handle(ProcEvent event) {
        switch (event) {
            case ProcEvent.Fork f when f.newProcess() -> {
                boolean byJlab = f.parentPid() == scope.spawnerTid();
                if (!byJlab && !members.contains(f.parentTgid())) return;
                members.add(f.childTgid());
                if (byJlab) atGate.add(f.childTgid());
                if (byJlab && level < 0) proc.status(f.childTgid()).ifPresent(s -> level = s.nsPids().size() - 1);
                read(f.childTgid());
                record(new ProgramNames.Raw(event, f.childTgid(), f.parentTgid(), byJlab));
            }
            case ProcEvent.Exec e -> {
                if (!members.contains(e.tgid())) return;
                read(e.tgid());
                record(new ProgramNames.Raw(event, e.tgid(), 0, false, atGate.remove(e.tgid())));
            }
            case ProcEvent.Exit x when x.threadGroupLeader() -> {
                if (!members.contains(x.tgid())) return;
                read(x.tgid()); // a zombie's status still names its last program
                boolean toJlab = x.parentTgid() == scope.jlabPid();
                if (!toJlab && !members.contains(x.parentTgid())) read(x.parentTgid());
                record(new ProgramNames.Raw(event, x.tgid(), x.parentTgid(), toJlab));
            }
            default -> { }
        }
    }

    private void record(ProgramNames.Raw raw) {
        events.add(raw);
        seen.add(raw.pid());
    }

    /** Reads /proc/PID/status now and keeps what it said, stamped, for {@link ProgramNames}. */
    private Optional<ProcStatus> read(int hostPid) {
        long before = System.nanoTime();
        Optional<ProcStatus> status = proc.status(hostPid);
        long after = System.nanoTime();
        status.ifPresent(s -> {
            List<Integer> nsPids = s.nsPids();
            int containerPid = level >= 0 && nsPids.size() > level ? nsPids.get(level) : ProcessRef.UNKNOWN;
            readings.add(new ProgramNames.Reading(hostPid, before, after, name(hostPid, s).orElse(null), containerPid));
        });
        return status;
    }

    /**
     * The comm, except for busybox re-executing itself through /proc/self/exe (comm "exe"), where argv[0]
     * names the applet; read together with the status, so it names the same program. Empty when the argv is
     * empty too: read in the midst of that exec, the reading names nothing yet.
     */
    private Optional<String> name(int hostPid, ProcStatus status) {
        if (!status.name().equals("exe")) return Optional.of(status.name());
        List<String> argv = proc.cmdline(hostPid);
        if (argv.isEmpty() || argv.getFirst().isEmpty()) return Optional.empty();
        String first = argv.getFirst();
        return Optional.of(first.substring(first.lastIndexOf('/') + 1));
    }

    /** Stops listening after reading every event already queued, and notes what became of each process. */
    public EventRecording stop() {
        stopNs = System.nanoTime();
        stopping = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            return EventRecording.refused(label, "the process-events listener did not stop within 10 s");
        }
        if (problem != null) return EventRecording.refused(label, problem);
        Map<Integer, EventRecording.Fate> fates = new HashMap<>();
        Set<Integer> exited = new java.util.HashSet<>();
        for (ProgramNames.Raw e : events) if (e.event() instanceof ProcEvent.Exit) exited.add(e.pid());
        for (int pid : seen) fates.put(pid, fate(pid, exited.contains(pid)));
        return new EventRecording(label, startNs, ProgramNames.name(events, readings, scope.jlabPid(), scope.spawned()), fates, lost, null);
    }

    private EventRecording.Fate fate(int pid, boolean exited) {
        Optional<ProcStatus> status = proc.status(pid);
        if (status.isEmpty()) return exited ? EventRecording.Fate.REAPED : EventRecording.Fate.UNKNOWN;
        if (status.get().zombie()) return EventRecording.Fate.ZOMBIE;
        return exited ? EventRecording.Fate.UNKNOWN : EventRecording.Fate.RUNNING;
    }
}
