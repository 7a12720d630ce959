package jlab.lab;

import java.util.List;

/**
 * The cgroup words of the lab format, spelled as cgroup v2 names them (jlab translates for v1 hosts): the
 * controllers a lab cgroup may have, the files {@code cgroup-set} writes, and the values
 * {@code cgroup-value} reads.
 */
public final class CgroupNames {
    public static final List<String> CONTROLLERS = List.of("cpu", "memory", "pids");

    public static final List<String> FILES = List.of("cpu.max", "cpu.weight", "memory.max", "memory.high",
            "memory.swap.max", "pids.max");

    /** Counters and levels read from cpu.stat, memory.current, memory.events, pids.current, pids.events. */
    public static final List<String> STATS = List.of("cpu.usage_usec", "cpu.nr_periods", "cpu.nr_throttled",
            "cpu.throttled_usec", "memory.current", "memory.events.max", "memory.events.oom_kill", "pids.current",
            "pids.events.max", "procs");

    /** Who {@code cgroup-move} and {@code in-cgroup} name. */
    public static final List<String> WHO = List.of("init");

    private CgroupNames() {}

    public static List<String> values() {
        return java.util.stream.Stream.concat(FILES.stream(), STATS.stream()).toList();
    }
}
