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
 * A whole mini-container, start to finish: unshare(uts, ipc, mnt, pid, net, cgroup), / made private, a
 * tmpfs for the overlay's upper and work directories, an overlay over the busybox rootfs, chroot, spawn
 * {@code /bin/true}, wait, teardown (the thread ends and its namespaces and mounts with it). A second jlab
 * contender does the same without tmpfs and overlay, like for like with util-linux. jlab does it through its
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
    private Path scratch;

    ContainerBench(Syscalls kernel, Workspace workspace) {
        this.kernel = kernel;
        this.workspace = workspace;
    }

    Result run(int warmup, int runs) throws IOException {
        // Linking loads classes, which a thread that has chrooted can no longer do from a directory.
        kernel.linkAll();
        scratch = Files.createDirectory(workspace.dir().resolve("scratch"));
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
        notes.add("util-linux does no overlay (chroot into the plain rootfs) but mounts /proc; jlab mounts an overlay"
                + " whose upper and work directories are on a tmpfs in the container's mount namespace");
        samples.stream().filter(x -> x.name().equals(PLAIN) && x.available()).findFirst().ifPresent(plain -> {
            if (samples.get(1).available()) {
                notes.add("like for like (no overlay on either side): jlab/util-linux " + Format.number(plain.median()
                        / samples.get(1).median()) + "; the overlay (tmpfs, directories, mount and unmount)"
                        + " costs jlab " + Format.ms(samples.getFirst().median() - plain.median()) + " of its median");
            }
        });
        String phaseNote = phaseNote(runs);
        if (!phaseNote.isEmpty()) notes.add(phaseNote);
        return new Result("container", "unshare(uts,ipc,mnt,pid,net,cgroup) + private / + tmpfs + overlay + chroot"
                + " + spawn /bin/true + wait + teardown", runs, warmup, samples, Result.Target.ratioAtMost(1.0),
                List.of(), notes);
    }

    /** Where jlab's run goes (nanoseconds per phase), in {@link #PHASES} order. */
    private static final List<String> PHASES = List.of("thread start", "hand-off", "unshare", "mount private",
            "tmpfs + dirs", "mount overlay", "chroot", "spawn", "hand-back", "wait", "thread exit");
    private final List<long[]> timelines = new ArrayList<>();

    /**
     * The overlay's upper, work and merged directories live on a tmpfs mounted in the container's own mount
     * namespace (on {@code scratch}, an empty directory made once): as under /run/jlab where /run is a
     * tmpfs, and the tmpfs and the overlay go with the namespace when the thread ends, so there is nothing
     * to remove from the disk afterwards.
     */
    private void jlabContainer() {
        long[] t = new long[PHASES.size() + 1];
        timelines.add(t);
        String scratch = this.scratch.toString();
        String options = "lowerdir=" + workspace.rootfs() + ",upperdir=" + scratch + "/upper,workdir=" + scratch + "/work";
        t[0] = System.nanoTime();
        // The host's /dev/null, as util-linux's programs get it from the bench: opened read-write inside
        // the overlay, the rootfs's /dev/null would be copied up into upper/ at every run (a mkdir, a mknod
        // and xattrs) - work a lab does not do, its /dev holds bind mounts of the host's.
        int devNull = kernel.open("/dev/null", EnumSet.of(OpenFlag.O_RDWR, OpenFlag.O_CLOEXEC));
        SpawnSpec spec = SpawnSpec.of("/bin/true", List.of("true")).withInput(devNull).withOutput(devNull, devNull);
        try {
            try (ContainerThread thread = new ContainerThread("jlab-bench-container", kernel)) {
                t[1] = System.nanoTime();
                int pid = thread.call(() -> {
                    t[2] = System.nanoTime();
                    kernel.unshare(NAMESPACES);
                    t[3] = System.nanoTime();
                    kernel.mount(null, "/", null, EnumSet.of(MountFlag.MS_REC, MountFlag.MS_PRIVATE), null);
                    t[4] = System.nanoTime();
                    kernel.mount("tmpfs", scratch, "tmpfs", EnumSet.of(MountFlag.MS_NOSUID), "mode=0700");
                    for (String d : List.of("upper", "work", "merged")) Files.createDirectory(Path.of(scratch, d));
                    t[5] = System.nanoTime();
                    kernel.mount("overlay", scratch + "/merged", "overlay", EnumSet.noneOf(MountFlag.class), options);
                    t[6] = System.nanoTime();
                    kernel.chroot(scratch + "/merged");
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
