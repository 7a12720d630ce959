package jlab.events;

import java.util.List;
import java.util.Map;

/**
 * What the recorder saw while one thing ran (a step's actions, a learner's command): the events of the
 * container's processes in order, what became of each process by the end ({@link Fate}, read from /proc
 * when recording stopped), how many datagrams the kernel dropped (ENOBUFS), and, when the kernel refused
 * to report events, why ({@code problem}, one sentence; the events are then empty).
 */
public record EventRecording(String label, long startNs, List<ObservedEvent> events, Map<Integer, Fate> fates,
                             int lost, String problem) {

    public EventRecording {
        events = List.copyOf(events);
        fates = Map.copyOf(fates);
    }

    /** A recording that could not be made. */
    public static EventRecording refused(String label, String problem) {
        return new EventRecording(label, 0, List.of(), Map.of(), 0, problem);
    }

    public boolean failed() { return problem != null; }

    /** The state of a host pid at the end of the recording. */
    public Fate fate(int hostPid) {
        return fates.getOrDefault(hostPid, Fate.UNKNOWN);
    }

    /** What /proc said of a process when the recording stopped. */
    public enum Fate {
        /** still running (any state but Z) */
        RUNNING,
        /** exited, not waited for: state Z */
        ZOMBIE,
        /** exited and gone from /proc: its parent (or an adoptive one) waited for it */
        REAPED,
        /** not known: not read, or its pid was already taken by another process */
        UNKNOWN
    }
}
