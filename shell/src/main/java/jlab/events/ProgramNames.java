package jlab.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Puts names on events after the fact. The kernel's events carry pids only; names come from
 * /proc/PID/status, read when jlab handles an event, which may be after the process ran another program
 * (busybox sh forks three children and execs sleep within a millisecond). So each reading is stamped
 * before and after (System.nanoTime, CLOCK_MONOTONIC like the events' timestamp_ns) and counts only for
 * the program the process ran then: its execs with an earlier timestamp tell which one. A reading is dropped
 * when one of its execs falls within it or just after it ({@link #EXEC_MARGIN_NS}: the kernel sets the new
 * comm a little before it sends the exec event). A child read before its
 * own first exec still has the comm it inherited, which names its parent's program at the fork. A program
 * nobody read in time stays "?": no name is guessed.
 */
final class ProgramNames {
    private ProgramNames() {}

    static final String UNKNOWN = "?";

    /**
     * An event of a container process: for forks {@code pid} is the child; {@code parentPid} 0 for execs.
     * {@code gate}: the exec of jlab's gate, which names nothing the learner ran and is left out of the result.
     */
    record Raw(ProcEvent event, int pid, int parentPid, boolean parentIsJlab, boolean gate) {
        Raw(ProcEvent event, int pid, int parentPid, boolean parentIsJlab) {
            this(event, pid, parentPid, parentIsJlab, false);
        }
    }

    static final long EXEC_MARGIN_NS = 1_000_000;

    /**
     * What /proc/PID/status said between {@code beforeNs} and {@code afterNs}: comm (null when it named no
     * program, caught in the midst of an exec) and container pid ({@link ProcessRef#UNKNOWN} if not read).
     */
    record Reading(int pid, long beforeNs, long afterNs, String name, int containerPid) {}

    static List<ObservedEvent> name(List<Raw> events, List<Reading> readings, int jlabPid) {
        return name(events, readings, jlabPid, pid -> null);
    }

    /**
     * {@code spawned} names the program jlab let a process of its own run after the gate (its comm then), or
     * null: known for certain, that name beats any reading, however late (a short-lived program, such as a
     * shell that soon execs something else, may get no reading of its own).
     */
    static List<ObservedEvent> name(List<Raw> events, List<Reading> readings, int jlabPid, IntFunction<String> spawned) {
        Map<Integer, List<Long>> execs = new HashMap<>();
        Map<Integer, Long> forkedAt = new HashMap<>();
        Map<Integer, Integer> forkedBy = new HashMap<>();
        for (Raw r : events) {
            switch (r.event()) {
                case ProcEvent.Exec e -> execs.computeIfAbsent(r.pid(), k -> new ArrayList<>()).add(e.timestampNs());
                case ProcEvent.Fork f when !r.parentIsJlab() -> {
                    forkedAt.put(r.pid(), f.timestampNs());
                    forkedBy.put(r.pid(), r.parentPid());
                }
                default -> { }
            }
        }
        Map<String, String> names = new HashMap<>();
        for (Raw r : events) {
            String program = r.gate() ? spawned.apply(r.pid()) : null;
            if (program != null) names.put(key(r.pid(), epoch(execs, r.pid(), r.event().timestampNs()) + 1), program);
        }
        Map<Integer, Integer> containerPids = new HashMap<>();
        for (Reading reading : readings) {
            if (reading.containerPid() != ProcessRef.UNKNOWN) containerPids.putIfAbsent(reading.pid(), reading.containerPid());
            int epoch = epoch(execs, reading.pid(), reading.beforeNs());
            if (reading.name() == null || epoch != epoch(execs, reading.pid(), reading.afterNs() + EXEC_MARGIN_NS)) continue;
            names.putIfAbsent(key(reading.pid(), epoch), reading.name());
            Integer parent = forkedBy.get(reading.pid());
            if (epoch == 0 && parent != null) {
                names.putIfAbsent(key(parent, epoch(execs, parent, forkedAt.get(reading.pid()))), reading.name());
            }
        }
        List<ObservedEvent> named = new ArrayList<>();
        for (Raw r : events) {
            if (r.gate()) continue;
            long t = r.event().timestampNs();
            int containerPid = containerPids.getOrDefault(r.pid(), ProcessRef.UNKNOWN);
            ProcessRef parent = r.parentIsJlab() ? ProcessRef.jlab(jlabPid)
                    : r.parentPid() == 0 ? null
                    : new ProcessRef(r.parentPid(), containerPids.getOrDefault(r.parentPid(), ProcessRef.UNKNOWN),
                            names.getOrDefault(key(r.parentPid(), epoch(execs, r.parentPid(), t)), UNKNOWN));
            String name = switch (r.event()) {
                case ProcEvent.Fork f -> parent != null && !parent.isJlab() ? parent.name() : names.getOrDefault(key(r.pid(), 0), UNKNOWN);
                default -> names.getOrDefault(key(r.pid(), epoch(execs, r.pid(), t)), UNKNOWN);
            };
            if (r.event() instanceof ProcEvent.Fork && parent != null && parent.isJlab()) name = "jlab";
            named.add(new ObservedEvent(r.event(), new ProcessRef(r.pid(), containerPid, name), parent));
        }
        return named;
    }

    /** How many execs of {@code pid} happened at or before {@code t}: 0 is the program it was forked with. */
    private static int epoch(Map<Integer, List<Long>> execs, int pid, long t) {
        int n = 0;
        for (long e : execs.getOrDefault(pid, List.of())) if (e <= t) n++;
        return n;
    }

    private static String key(int pid, int epoch) {
        return pid + "/" + epoch;
    }
}
