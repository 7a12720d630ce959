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
     * The writes for {@code knob = value}. {@code memoryLimit} is the current memory.limit_in_bytes (for
     * memory.swap.max, which v1 expresses as memory plus swap); {@code swapAccounting} whether memsw files exist.
     */
    static List<Write> translate(Knob knob, String value, long memoryLimit, boolean swapAccounting) {
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
            case MEMORY_MAX -> out.add(new Write("memory.limit_in_bytes", Long.toString(KnobValues.bytes(knob, value))));
            case MEMORY_HIGH -> throw new CgroupException("memory.high has no cgroup v1 equivalent (memory.soft_limit_in_bytes"
                    + " only matters when the whole machine is short of memory); use memory.max");
            case MEMORY_SWAP_MAX -> {
                long swap = KnobValues.bytes(knob, value);
                if (!swapAccounting) return out; // no memsw files: the kernel does not account swap per cgroup
                long total = swap == Limits.UNLIMITED || memoryLimit == Limits.UNLIMITED ? Limits.UNLIMITED : memoryLimit + swap;
                out.add(new Write("memory.memsw.limit_in_bytes", Long.toString(total)));
            }
            case PIDS_MAX -> out.add(new Write("pids.max", Limits.format(KnobValues.pids(value))));
        }
        return out;
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
