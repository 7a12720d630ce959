package jlab.cgroup.v1;

import java.util.ArrayList;
import java.util.List;

import jlab.cgroup.CgroupException;
import jlab.cgroup.CpuMax;
import jlab.cgroup.Knob;
import jlab.cgroup.KnobValues;
import jlab.cgroup.Limits;

/**
 * How a v2 setting is written on v1: which files, with which values, in which order. Pure, so the
 * translation is tested without a cgroupfs.
 */
final class V1Files {
    /** v1's default cpu.shares, which corresponds to v2's default cpu.weight of 100. */
    static final long DEFAULT_SHARES = 1024;

    /** One write of a value to a file of the controller's hierarchy. */
    record Write(String file, String value) {}

    private V1Files() {}

    /**
     * The memory controller's limits now: memory.limit_in_bytes and memory.memsw.limit_in_bytes ({@link
     * Limits#UNLIMITED} for none); {@code swapAccounting} whether the memsw files exist.
     */
    record Memory(long limit, long memswLimit, boolean swapAccounting) {}

    /** The writes for {@code knob = value}, given the memory limits now (v1 expresses swap as memory plus swap). */
    static List<Write> translate(Knob knob, String value, Memory memory) {
        List<Write> out = new ArrayList<>();
        switch (knob) {
            case CPU_MAX -> {
                CpuMax max = CpuMax.parse(value);
                // The period first: the kernel checks the quota against the period in force.
                out.add(new Write("cpu.cfs_period_us", Long.toString(max.periodUsec())));
                out.add(new Write("cpu.cfs_quota_us", Long.toString(max.quotaUsec())));
            }
            case CPU_WEIGHT -> {
                long weight = KnobValues.weight(value);
                out.add(new Write("cpu.shares", Long.toString(Math.max(2, weight * DEFAULT_SHARES / 100))));
            }
            case MEMORY_MAX -> memoryMax(KnobValues.bytes(knob, value), memory, out);
            case MEMORY_HIGH -> throw new CgroupException("memory.high has no cgroup v1 equivalent (memory.soft_limit_in_bytes"
                    + " only matters when the whole machine is short of memory); use memory.max");
            case MEMORY_SWAP_MAX -> {
                long swap = KnobValues.bytes(knob, value);
                if (!memory.swapAccounting()) return out; // no memsw files: the kernel does not account swap per cgroup
                long total = swap == Limits.UNLIMITED || memory.limit() == Limits.UNLIMITED ? Limits.UNLIMITED : memory.limit() + swap;
                out.add(new Write("memory.memsw.limit_in_bytes", Long.toString(total)));
            }
            case PIDS_MAX -> out.add(new Write("pids.max", Limits.format(KnobValues.pids(value))));
        }
        return out;
    }

    /**
     * memory.limit_in_bytes, and with a memory+swap limit that limit too, so the swap allowance stays what
     * memory.swap.max set (as on v2, where the two are apart). The kernel refuses a memory limit above the
     * memory+swap one, so a raise writes memsw first and a cut writes it last.
     */
    private static void memoryMax(long limit, Memory memory, List<Write> out) {
        Write memoryWrite = new Write("memory.limit_in_bytes", Long.toString(limit));
        if (!memory.swapAccounting() || memory.memswLimit() == Limits.UNLIMITED || memory.limit() == Limits.UNLIMITED) {
            out.add(memoryWrite);
            return;
        }
        long swap = memory.memswLimit() - memory.limit();
        Write memswWrite = new Write("memory.memsw.limit_in_bytes", Long.toString(limit == Limits.UNLIMITED ? limit : limit + swap));
        boolean raise = limit == Limits.UNLIMITED || limit > memory.limit();
        out.addAll(raise ? List.of(memswWrite, memoryWrite) : List.of(memoryWrite, memswWrite));
    }

    /** cpu.max as v2 would show it, from v1's quota (-1 for none) and period. */
    static String cpuMax(long quota, long period) {
        return Limits.format(quota < 0 ? Limits.UNLIMITED : quota) + " " + period;
    }

    /** cpu.weight from cpu.shares, the inverse of {@link #translate}. */
    static long weight(long shares) {
        return Math.max(1, Math.min(10_000, shares * 100 / DEFAULT_SHARES));
    }
}
