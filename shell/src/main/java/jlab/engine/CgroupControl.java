package jlab.engine;

import java.util.List;
import java.util.Optional;

/**
 * What the shell may do with a lab's cgroup besides {@link LabSession}: set a limit (named as on cgroup v2,
 * translated on v1) and sample CPU use and throttling for a live chart. {@link Engine} implements it.
 */
public interface CgroupControl {

    /** Writes {@code value} to {@code file} of the lab's cgroup; one line per file actually written. */
    List<String> setCgroup(String file, String value);

    /** Moves the container's init into the lab's cgroup (and every later command); one line per file written. */
    List<String> moveInitIntoCgroup();

    /** A reading of the lab cgroup's CPU counters now, or empty when the lab has no cgroup (yet). */
    Optional<CpuSample> cpuSample();

    /** Cumulative counters at {@code nanoTime} (System.nanoTime) and the quota in force. */
    record CpuSample(long nanoTime, long usageUsec, long nrPeriods, long nrThrottled, long throttledUsec,
                     long quotaUsec, long periodUsec) {
        /** The quota as a share of one CPU, or -1 without a quota. */
        public double quotaShare() {
            return quotaUsec < 0 ? -1 : (double) quotaUsec / periodUsec;
        }
    }
}
