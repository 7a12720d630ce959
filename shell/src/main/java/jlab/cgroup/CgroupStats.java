package jlab.cgroup;

import java.util.Optional;

/**
 * What a cgroup's interface files say, in one shape for both versions. Limits use
 * {@link Limits#UNLIMITED} for none; counters the running kernel lacks read as 0.
 */
public record CgroupStats(Cpu cpu, Memory memory, Pids pids, Optional<Pressure> cpuPressure,
                          Optional<Pressure> memoryPressure) {

    /**
     * CPU time used and throttling. v2: cpu.stat (usage_usec, nr_periods, nr_throttled, throttled_usec);
     * v1: cpuacct.usage (ns) and cpu.stat (throttled_time in ns).
     */
    public record Cpu(CpuMax max, long usageUsec, long nrPeriods, long nrThrottled, long throttledUsec) {}

    /**
     * Memory charged and what the limit did. v2: memory.current, memory.events (max, oom, oom_kill);
     * v1: memory.usage_in_bytes, memory.failcnt (as {@code maxEvents}), memory.oom_control (oom_kill).
     */
    public record Memory(long current, long max, long maxEvents, long oomEvents, long oomKills) {}

    /** pids.current, pids.max and how often a fork was refused (pids.events max). */
    public record Pids(long current, long max, long maxEvents) {}
}
