package jlab.ledger;

import java.util.OptionalLong;

/**
 * Where start times of processes come from: the real {@link ProcStartTimes}, or a fake in tests. A pid
 * alone is not an identity (pids are reused); pid plus start time is.
 */
@FunctionalInterface
public interface StartTimes {

    /**
     * The start time (clock ticks after boot, field 22 of {@code /proc/<pid>/stat}) of the living process
     * with this pid; empty if there is none. A zombie counts as dead: it holds nothing but its pid.
     */
    OptionalLong startTime(int pid);

    /** True if {@code process} still runs, i.e. its pid exists with the same start time. */
    default boolean isRunning(ProcessIdentity process) {
        OptionalLong now = startTime(process.pid());
        return now.isPresent() && now.getAsLong() == process.startTime();
    }
}
