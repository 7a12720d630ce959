package jlab.ledger;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** A process table for tests: pid → start time, edited as the test goes. */
final class FakeStartTimes implements StartTimes {
    private final Map<Integer, Long> running = new ConcurrentHashMap<>();

    FakeStartTimes running(ProcessIdentity process) {
        running.put(process.pid(), process.startTime());
        return this;
    }

    FakeStartTimes exited(int pid) {
        running.remove(pid);
        return this;
    }

    @Override public OptionalLong startTime(int pid) {
        Long start = running.get(pid);
        return start == null ? OptionalLong.empty() : OptionalLong.of(start);
    }
}
