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
import jlab.shell.Style;

/**
 * What every step costs on top of its own actions: every inspector's snapshot before the step, the
 * snapshot after, the diff and the rendered tables, for a container that has its own namespaces,
 * a chrooted thread and an init. The step itself (a sethostname in the container) is not timed.
 */
final class SnapshotBench {
    private static final double TARGET_MS = 5.0;

    private final Syscalls kernel;
    private final Workspace workspace;
    private final AnnotationRenderer renderer = new AnnotationRenderer(new Style(true, true), 100);
    private int step;

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
            } finally {
                stop(pid);
            }
        }
        return new Result("snapshot", "snapshot before + snapshot after + diff + render, all inspectors, one step",
                runs, warmup, samples, Result.Target.medianAtMost(TARGET_MS), List.of(),
                List.of("no reference tool: the target is absolute"));
    }

    private double oneStep(ContainerThread thread, InspectTarget target) {
        long start = System.nanoTime();
        List<Observation<?>> observations = new ArrayList<>();
        for (Inspector<?> inspector : Inspectors.all()) observations.add(Observation.start(inspector, target));
        long before = System.nanoTime() - start;
        String name = "bench-" + step++;
        thread.call(() -> {
            kernel.sethostname(name);
            return null;
        });
        start = System.nanoTime();
        int lines = 0;
        for (Observation<?> o : observations) {
            Annotation a = o.finish(target);
            lines += renderer.render(a).size();
        }
        if (lines == 0) throw new IllegalStateException("the inspectors rendered nothing");
        return (before + System.nanoTime() - start) / 1e6;
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
