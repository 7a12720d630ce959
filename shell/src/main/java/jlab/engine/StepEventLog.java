package jlab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jlab.events.EventRecording;
import jlab.proc.ProcFs;
import jlab.sandbox.Sandbox;

/**
 * The kernel's process events of each step, for {@code show events}: the recording of the step's actions
 * first, then its solution and the learner's latest commands, at most {@value #PER_STEP} per step.
 */
final class StepEventLog {
    private static final int PER_STEP = 8;
    private final Map<Integer, List<EventRecording>> byStep = new HashMap<>();

    /**
     * Runs {@code work} while the container's process events are recorded for step {@code step}; the recorder
     * is started from this, the calling (shell's), thread. A refusal by the kernel is kept as the recording.
     */
    <T> T record(int step, String label, Sandbox sandbox, ContainerView view, ProcFs proc, Supplier<T> work) {
        Supplier<EventRecording> stop = start(label, sandbox, view, proc);
        try {
            return work.get();
        } finally {
            keep(step, stop.get());
        }
    }

    private static Supplier<EventRecording> start(String label, Sandbox sandbox, ContainerView view, ProcFs proc) {
        try {
            Set<Integer> running = new HashSet<>();
            if (sandbox.initPid().isPresent()) {
                ContainerProcesses.read(view).entries().forEach(e -> running.add(e.pid()));
            }
            var recorder = sandbox.recordProcessEvents(proc, running, label);
            return recorder::stop;
        } catch (RuntimeException e) {
            var refused = EventRecording.refused(label, "process events could not be recorded: " + e.getMessage());
            return () -> refused;
        }
    }

    private synchronized void keep(int step, EventRecording recording) {
        List<EventRecording> list = byStep.computeIfAbsent(step, k -> new ArrayList<>());
        list.add(recording);
        if (list.size() > PER_STEP) list.remove(1); // the step's own actions stay first
    }

    synchronized List<EventRecording> of(int step) {
        return List.copyOf(byStep.getOrDefault(step, List.of()));
    }

    /** Forgets everything: the pids of an old sandbox mean nothing in a new one. */
    synchronized void clear() {
        byStep.clear();
    }
}
