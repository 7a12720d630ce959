package jlab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jlab.events.EventRecording;
import jlab.inspect.Annotation;
import jlab.inspect.InspectTarget;
import jlab.inspect.Inspector;
import jlab.inspect.Inspectors;
import jlab.inspect.Observation;
import jlab.kernel.SyscallException;
import jlab.lab.Action;
import jlab.engine.LabSession.CheckReport;
import jlab.lab.Check;
import jlab.proc.ProcFs;
import jlab.sandbox.Sandbox;
import jlab.sandbox.SandboxException;

/**
 * The sandbox a lab session runs in, and how far the lab's steps have run in it. Built at the start and anew on
 * every reset; it runs actions (a failing one ends its list with a note), records the container's process events
 * per step, evaluates checks and shows inspectors. {@link Engine} decides which steps run; this remembers through
 * which one they did.
 */
final class LabSandbox implements AutoCloseable {
    private final Engine.SandboxFactory factory;
    private final ProcFs proc;
    private final boolean allowPidnsProcOption;
    private final int hostPid = (int) ProcessHandle.current().pid();
    private final StepEventLog events = new StepEventLog();
    private int builds;
    private Sandbox sandbox;
    private LabCgroups cgroups;
    private ContainerView view;
    private ActionRunner actions;
    private CheckEvaluator checks;
    private int ranThrough = -1;

    LabSandbox(Engine.SandboxFactory factory, ProcFs proc, boolean allowPidnsProcOption) throws IOException {
        this.factory = factory;
        this.proc = proc;
        this.allowPidnsProcOption = allowPidnsProcOption;
        build();
    }

    private void build() throws IOException {
        sandbox = factory.create();
        cgroups = new LabCgroups(() -> jlab.cgroup.CgroupDetector.tree(jlab.cgroup.CgroupDetector.system()),
                sandbox.ledger(), sandbox.ledger().sessionId() + "-" + (++builds));
        view = new ContainerView(sandbox, proc, hostPid, cgroups);
        actions = new ActionRunner(sandbox, allowPidnsProcOption, cgroups);
        checks = new CheckEvaluator(view);
        ranThrough = -1;
    }

    /**
     * A sandbox in which nothing has run: this one if nothing has yet (resuming at the start), else a new one in
     * its place. The process events recorded so far are forgotten: their pids mean nothing in a new sandbox.
     */
    void fresh() {
        events.clear();
        if (ranThrough < 0) return;
        close();
        try {
            build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not rebuild the sandbox: " + e.getMessage(), e);
        }
    }

    /** The last step (0-based) whose actions ran in this sandbox; -1 before any did. */
    int ranThrough() {
        return ranThrough;
    }

    void ranThrough(int step) {
        ranThrough = step;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    ContainerView view() {
        return view;
    }

    LabCgroups cgroups() {
        return cgroups;
    }

    /** Runs {@code list} in order; the first that fails is noted (with why) and ends the list. */
    void run(List<Action> list, Consumer<String> output, List<String> notes) {
        for (Action action : list) {
            try {
                actions.run(action, output, notes);
            } catch (SyscallException | SandboxException | jlab.cgroup.CgroupException e) {
                notes.add("✗ " + action.describe() + " failed: " + e.getMessage());
                return;
            }
        }
    }

    /** Runs one action; its failure is thrown, for the caller to report. */
    void runOrThrow(Action action, List<String> notes) {
        actions.run(action, line -> { }, notes);
    }

    /** Runs {@code list} while the container's process events are recorded for {@code step}, unless {@code quiet}. */
    void runRecorded(int step, String label, boolean quiet, List<Action> list, Consumer<String> output, List<String> notes) {
        if (quiet) {
            run(list, output, notes);
            return;
        }
        recorded(step, label, () -> {
            run(list, output, notes);
            return null;
        });
    }

    /** Runs {@code work} while the container's process events are recorded for step {@code step}. */
    <T> T recorded(int step, String label, Supplier<T> work) {
        return events.record(step, label, sandbox, view, proc, work);
    }

    List<EventRecording> events(int step) {
        return events.of(step);
    }

    CheckReport evaluate(List<Check> list) {
        return checks.evaluate(list);
    }

    /** Before-snapshots of the inspectors named, to diff against the kernel state after the next actions. */
    List<Observation<?>> observe(List<String> names) {
        InspectTarget target = view.target();
        List<Observation<?>> list = new ArrayList<>();
        for (String name : names) Inspectors.byName(name).ifPresent(i -> list.add(Observation.start(i, target)));
        return list;
    }

    /** What the observations saw change. */
    List<Annotation> finish(List<Observation<?>> observations) {
        InspectTarget after = view.target();
        return observations.stream().<Annotation>map(o -> o.finish(after)).toList();
    }

    Annotation show(String inspector) {
        Inspector<?> found = Inspectors.byName(inspector).orElseThrow(() -> new IllegalArgumentException(
                "no inspector '" + inspector + "' — try one of " + Inspectors.names()));
        return found.showNow(view.target());
    }

    /** The container first (its init's death ends its pid namespace), then its now empty cgroup. */
    @Override public void close() {
        try {
            sandbox.close();
        } finally {
            try {
                cgroups.close();
            } catch (RuntimeException e) {
                // stays live in the ledger: the session's teardown reports it and `jlab cleanup` retries
            }
        }
    }
}
