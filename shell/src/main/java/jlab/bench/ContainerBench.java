package jlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jlab.kernel.MountFlag;
import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.SpawnSpec;
import jlab.kernel.Syscalls;
import jlab.kernel.WaitStatus;
import jlab.sandbox.ContainerThread;

/**
 * A whole mini-container, start to finish: unshare(uts, ipc, mnt, pid, net, cgroup), / made private, an
 * overlay over the busybox rootfs, chroot, spawn {@code /bin/true}, wait, teardown (the thread ends and
 * its namespaces and mounts with it, the overlay's directories are removed). jlab does it through its
 * kernel layer on a fresh {@link ContainerThread} per run (a thread can enter a pid namespace only
 * once); the references are util-linux {@code unshare ... chroot ROOTFS /bin/true} and, when installed,
 * {@code runc run}. Every program is started with posix_spawn, as jlab starts its own.
 */
final class ContainerBench {
    static final Set<Namespace> NAMESPACES =
            EnumSet.of(Namespace.UTS, Namespace.IPC, Namespace.MOUNT, Namespace.PID, Namespace.NET, Namespace.CGROUP);
    private static final String PLAIN = "jlab (FFM, no overlay)";
    private static final List<String> PATH = List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

    private final Syscalls kernel;
    private final Workspace workspace;
    private int counter;

    ContainerBench(Syscalls kernel, Workspace workspace) {
        this.kernel = kernel;
        this.workspace = workspace;
    }

    Result run(int warmup, int runs) throws IOException {
        // Linking loads classes, which a thread that has chrooted can no longer do from a directory.
        kernel.linkAll();
        List<String> notes = new ArrayList<>();
        List<Interleaved.Contender> contenders = new ArrayList<>();
        contenders.add(new Interleaved.Contender("jlab (FFM, overlay)", Interleaved.Trial.timed(this::jlabContainer)));
        Optional<Path> unshare = executable("unshare");
        Optional<Path> runc = executable("runc");
        unshare.ifPresent(u -> contenders.add(new Interleaved.Contender("util-linux unshare + chroot",
                Interleaved.Trial.timed(() -> utilLinux(u)))));
        RuncBundle bundle = null;
        if (runc.isPresent()) {
            bundle = RuncBundle.create(runc.get(), workspace);
            RuncBundle b = bundle;
            contenders.add(new Interleaved.Contender("runc run", Interleaved.Trial.timed(() -> b.runOnce(kernel))));
        } else {
            notes.add("runc is not installed here: no runc figure (apt-get install runc to add one)");
        }
        contenders.add(new Interleaved.Contender(PLAIN, Interleaved.Trial.timed(this::jlabPlainContainer)));
        List<Samples> samples = new ArrayList<>(Interleaved.run(warmup, runs, contenders));
        if (unshare.isEmpty()) samples.add(1, Samples.unavailable("util-linux unshare + chroot", "unshare not found"));
        if (runc.isEmpty()) samples.add(Samples.unavailable("runc run", "not installed"));
        notes.add("util-linux does no overlay (chroot into the plain rootfs) but mounts /proc; jlab mounts an overlay");
        samples.stream().filter(x -> x.name().equals(PLAIN) && x.available()).findFirst().ifPresent(plain -> {
            if (samples.get(1).available()) {
                notes.add("like for like (no overlay on either side): jlab/util-linux " + Format.number(plain.median()
                        / samples.get(1).median()) + "; the overlay (its directories, mount, unmount and removal)"
                        + " costs jlab " + Format.ms(samples.getFirst().median() - plain.median()) + " of its median");
            }
        });
        String phaseNote = phaseNote(runs);
        if (!phaseNote.isEmpty()) notes.add(phaseNote);
        return new Result("container", "unshare(uts,ipc,mnt,pid,net,cgroup) + private / + overlay + chroot"
                + " + spawn /bin/true + wait + teardown", runs, warmup, samples, Result.Target.ratioAtMost(1.0),
                List.of(), notes);
    }

    /** Where jlab's run goes, summed over the measured runs (nanoseconds), in {@link #PHASES} order. */
    private static final List<String> PHASES = List.of("overlay dirs", "thread start", "hand-off", "unshare",
            "mount private", "mount overlay", "chroot", "spawn", "hand-back", "wait", "thread exit", "remove dirs");
    private final List<long[]> timelines = new ArrayList<>();

    private void jlabContainer() throws IOException {
        long[] t = new long[PHASES.size() + 1];
        timelines.add(t);
        t[0] = System.nanoTime();
        Path dir = Files.createDirectory(workspace.dir().resolve("container-" + counter++));
        Path upper = Files.createDirectory(dir.resolve("upper"));
        Path work = Files.createDirectory(dir.resolve("work"));
        Path merged = Files.createDirectory(dir.resolve("merged"));
        String options = "lowerdir=" + workspace.rootfs() + ",upperdir=" + upper + ",workdir=" + work;
        // The host's /dev/null, as util-linux's programs get it from the bench: opened read-write inside
        // the overlay, the rootfs's /dev/null would be copied up into upper/ at every run (a mkdir, a mknod
        // and xattrs, then their removal) - work a lab does not do, its /dev holds bind mounts of the host's.
        int devNull = kernel.open("/dev/null", EnumSet.of(OpenFlag.O_RDWR, OpenFlag.O_CLOEXEC));
        SpawnSpec spec = SpawnSpec.of("/bin/true", List.of("true")).withInput(devNull).withOutput(devNull, devNull);
        t[1] = System.nanoTime();
        try {
            try (ContainerThread thread = new ContainerThread("jlab-bench-container", kernel)) {
                t[2] = System.nanoTime();
                int pid = thread.call(() -> {
                    t[3] = System.nanoTime();
                    kernel.unshare(NAMESPACES);
                    t[4] = System.nanoTime();
                    kernel.mount(null, "/", null, EnumSet.of(MountFlag.MS_REC, MountFlag.MS_PRIVATE), null);
                    t[5] = System.nanoTime();
                    kernel.mount("overlay", merged.toString(), "overlay", EnumSet.noneOf(MountFlag.class), options);
                    t[6] = System.nanoTime();
                    kernel.chroot(merged.toString());
                    kernel.chdir("/");
                    t[7] = System.nanoTime();
                    int child = kernel.spawn(spec);
                    t[8] = System.nanoTime();
                    return child;
                });
                t[9] = System.nanoTime();
                expectSuccess("/bin/true in the container", kernel.waitpid(pid, false));
                t[10] = System.nanoTime();
            }
            t[11] = System.nanoTime();
        } finally {
            kernel.close(devNull);
            remove(dir, upper, work, merged);
            t[12] = System.nanoTime();
        }
    }

    /**
     * rmdir of the directories the run made, and of work/work, which the overlay made; anything else left
     * behind (the container wrote to its root) is removed by a walk.
     */
    private static void remove(Path dir, Path upper, Path work, Path merged) {
        try {
            Files.deleteIfExists(work.resolve("work"));
            Files.delete(work);
            Files.delete(upper);
            Files.delete(merged);
            Files.delete(dir);
        } catch (IOException e) {
            Workspace.delete(dir);
        }
    }

    /** The median of each phase over the measured runs (the last {@code measured} ones). */
    private String phaseNote(int measured) {
        List<long[]> last = timelines.subList(Math.max(0, timelines.size() - measured), timelines.size());
        StringBuilder out = new StringBuilder("jlab's phases, medians:");
        for (int p = 0; p < PHASES.size(); p++) {
            int phase = p;
            long[] d = last.stream().mapToLong(t -> t[phase + 1] - t[phase]).sorted().toArray();
            if (d.length == 0) return "";
            out.append(p == 0 ? " " : ", ").append(PHASES.get(p)).append(' ').append(Format.number(d[d.length / 2] / 1e6));
        }
        return out.append(" ms").toString();
    }

    /** As {@link #jlabContainer} without the overlay: chroot into the plain rootfs, as util-linux does. */
    private void jlabPlainContainer() {
        int devNull = kernel.open("/dev/null", EnumSet.of(OpenFlag.O_RDWR, OpenFlag.O_CLOEXEC));
        SpawnSpec spec = SpawnSpec.of("/bin/true", List.of("true")).withInput(devNull).withOutput(devNull, devNull);
        String rootfs = workspace.rootfs().toString();
        try {
            try (ContainerThread thread = new ContainerThread("jlab-bench-container", kernel)) {
                int pid = thread.call(() -> {
                    kernel.unshare(NAMESPACES);
                    kernel.mount(null, "/", null, EnumSet.of(MountFlag.MS_REC, MountFlag.MS_PRIVATE), null);
                    kernel.chroot(rootfs);
                    kernel.chdir("/");
                    return kernel.spawn(spec);
                });
                expectSuccess("/bin/true in the container", kernel.waitpid(pid, false));
            }
        } finally {
            kernel.close(devNull);
        }
    }

    private void utilLinux(Path unshare) {
        List<String> argv = List.of("unshare", "--fork", "--pid", "--mount", "--uts", "--ipc", "--net", "--cgroup",
                "--mount-proc", "chroot", workspace.rootfs().toString(), "/bin/true");
        int pid = kernel.spawn(SpawnSpec.of(unshare.toString(), argv));
        expectSuccess(String.join(" ", argv), kernel.waitpid(pid, false));
    }

    static void expectSuccess(String what, WaitStatus status) {
        if (!(status instanceof WaitStatus.Exited e && e.code() == 0)) {
            throw new IllegalStateException(what + ": " + status.describe());
        }
    }

    /** {@code name} in the usual system directories, as a shell would find it. */
    static Optional<Path> executable(String name) {
        return PATH.stream().map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
    }
}
