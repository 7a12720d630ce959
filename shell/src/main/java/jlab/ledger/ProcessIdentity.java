package jlab.ledger;

/** A process as the kernel distinguishes it over time: its pid and its start time in clock ticks after boot. */
public record ProcessIdentity(int pid, long startTime) {

    public ProcessIdentity {
        if (pid <= 0) throw new IllegalArgumentException("pid must be positive: " + pid);
    }

    /** This JVM. */
    public static ProcessIdentity self(StartTimes startTimes) {
        int pid = Math.toIntExact(ProcessHandle.current().pid());
        long start = startTimes.startTime(pid)
                .orElseThrow(() -> new IllegalStateException("no start time for this process (pid " + pid + ")"));
        return new ProcessIdentity(pid, start);
    }

    /** This identity as a ledger resource. */
    public Resource.Process asResource() {
        return new Resource.Process(pid, startTime);
    }
}
