package jlab.ledger;

import java.nio.file.Path;

/**
 * A stand-in jlab for {@link LedgerKernelTest}: opens a session under {@code args[0]}, records a
 * {@code sleep} it starts, says {@code ready <sleep pid>} and waits to be killed with SIGKILL.
 */
public final class CrashingSession {
    private CrashingSession() {}

    public static void main(String[] args) throws Exception {
        StartTimes startTimes = ProcStartTimes.system();
        Ledger ledger = Ledger.open(Path.of(args[0]), ProcessIdentity.self(startTimes));
        java.lang.Process sleep = new ProcessBuilder("sleep", "60").start();
        int pid = Math.toIntExact(sleep.pid());
        // Recorded after the spawn because only then is the pid known; see the report on this window.
        ledger.record(new Resource.Process(pid, startTimes.startTime(pid).orElseThrow()));
        System.out.println("ready " + pid);
        System.out.flush();
        Thread.sleep(60_000);
    }
}
