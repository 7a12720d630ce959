package jlab.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jlab.inspect.Annotation;
import jlab.inspect.InspectTarget;
import jlab.inspect.Inspector;
import jlab.inspect.Inspectors;
import jlab.inspect.Observation;
import jlab.kernel.MountFlag;
import jlab.kernel.Signal;
import jlab.kernel.SpawnSpec;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.sandbox.ContainerThread;
import jlab.shell.AnnotationRenderer;
import jlab.shell.StepRenderer;
import jlab.shell.Style;

/**
 * What every step costs on top of its own actions: every inspector's snapshot before the step, the
 * snapshot after, the diff and the tables laid out as the shell shows them after a step that made calls
 * (a table the step did not change folds to one line, as in {@link StepRenderer}), for a container that
 * has its own namespaces, a chrooted thread and an init. The step itself (a sethostname in the
 * container) is not timed.
 */
final class SnapshotBench {
    private static final double TARGET_MS = 5.0;

    private final Syscalls kernel;
    private final Workspace workspace;
    private final AnnotationRenderer renderer = new AnnotationRenderer(new Style(true, true), 100);
    private final StepRenderer layout = new StepRenderer(new Style(true, true), 100);
    private int step;
    /** Per inspector, per timed step: snapshots + diff, and render, in nanoseconds; then the step's CPU time. */
    private final java.util.Map<String, List<Long>> inspectNanos = new java.util.LinkedHashMap<>();
    private final java.util.Map<String, List<Long>> renderNanos = new java.util.LinkedHashMap<>();
    private final List<Long> cpuNanos = new ArrayList<>();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

    SnapshotBench(Syscalls kernel, Workspace workspace) {
        this.kernel = kernel;
        this.workspace = workspace;
    }

    Result run(int warmup, int runs) {
        kernel.linkAll();
        SpawnSpec init = SpawnSpec.of("/bin/sleep", List.of("sleep", "600"));
        String rootfs = workspace.rootfs().toString();
        List<Samples> samples;
        try (ContainerThread thread = new ContainerThread("jlab-bench-snapshot", kernel)) {
            int pid = thread.call(() -> {
                kernel.unshare(ContainerBench.NAMESPACES);
                kernel.mount(null, "/", null, EnumSet.of(MountFlag.MS_REC, MountFlag.MS_PRIVATE), null);
                kernel.chroot(rootfs);
                kernel.chdir("/");
                return kernel.spawn(init);
            });
            try {
                InspectTarget target = InspectTarget.thisJvm()
                        .withContainerThread(thread.tid(), () -> Optional.of(thread.call(kernel::hostname)))
                        .withInit(pid);
                samples = Interleaved.run(warmup, runs, List.of(new Interleaved.Contender(
                        "jlab inspectors (" + String.join(", ", Inspectors.names()) + ")", () -> oneStep(thread, target))));
                dropWarmup(warmup);
            } finally {
                stop(pid);
            }
        }
        return new Result("snapshot", "snapshot before + snapshot after + diff + render, all inspectors, one step",
                runs, warmup, samples, Result.Target.medianAtMost(TARGET_MS), List.of(),
                notes());
    }

    private void dropWarmup(int warmup) {
        for (List<Long> l : inspectNanos.values()) l.subList(0, Math.min(warmup, l.size())).clear();
        for (List<Long> l : renderNanos.values()) l.subList(0, Math.min(warmup, l.size())).clear();
        cpuNanos.subList(0, Math.min(warmup, cpuNanos.size())).clear();
    }

    private List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add("no reference tool: the target is absolute");
        if (!cpuNanos.isEmpty()) {
            notes.add("CPU time of the measuring thread: median " + ms(cpuNanos) + " ms per step");
            StringBuilder parts = new StringBuilder("medians per inspector, snapshots + diff / render:");
            for (String name : inspectNanos.keySet()) {
                parts.append(' ').append(name).append(' ').append(ms(inspectNanos.get(name)))
                        .append('/').append(ms(renderNanos.get(name)));
            }
            notes.add(parts.append(" ms").toString());
        }
        return notes;
    }

    private static String ms(List<Long> nanos) {
        List<Long> s = new ArrayList<>(nanos);
        s.sort(null);
        return Format.number(s.get(s.size() / 2) / 1e6);
    }

    private double oneStep(ContainerThread thread, InspectTarget target) {
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        List<Observation<?>> observations = new ArrayList<>();
        long[] took = new long[Inspectors.all().size()];
        for (Inspector<?> inspector : Inspectors.all()) {
            long t = System.nanoTime();
            observations.add(Observation.start(inspector, target));
            took[observations.size() - 1] = System.nanoTime() - t;
        }
        long before = System.nanoTime() - start;
        cpu = threads.getCurrentThreadCpuTime() - cpu;
        String name = "bench-" + step++;
        thread.call(() -> {
            kernel.sethostname(name);
            return null;
        });
        long cpuAfter = threads.getCurrentThreadCpuTime();
        start = System.nanoTime();
        int lines = 0;
        int i = 0;
        for (Observation<?> o : observations) {
            long t = System.nanoTime();
            Annotation a = o.finish(target);
            long r = System.nanoTime();
            lines += layout.annotation(renderer, a, true).size();
            long end = System.nanoTime();
            String inspector = o.inspector().name();
            inspectNanos.computeIfAbsent(inspector, k -> new ArrayList<>()).add(took[i++] + r - t);
            renderNanos.computeIfAbsent(inspector, k -> new ArrayList<>()).add(end - r);
        }
        long after = System.nanoTime() - start;
        cpuNanos.add(cpu + threads.getCurrentThreadCpuTime() - cpuAfter);
        if (lines == 0) throw new IllegalStateException("the inspectors rendered nothing");
        return (before + after) / 1e6;
    }

    private void stop(int pid) {
        try {
            kernel.kill(pid, Signal.SIGKILL);
            kernel.waitpid(pid, false);
        } catch (SyscallException e) {
            // already gone and reaped
        }
    }
}
