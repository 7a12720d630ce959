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
        List<Samples> samples = new ArrayList<>(Interleaved.run(warmup, runs, contenders));
        if (unshare.isEmpty()) samples.add(1, Samples.unavailable("util-linux unshare + chroot", "unshare not found"));
        if (runc.isEmpty()) samples.add(Samples.unavailable("runc run", "not installed"));
        notes.add("util-linux does no overlay (chroot into the plain rootfs) but mounts /proc; jlab mounts an overlay");
        return new Result("container", "unshare(uts,ipc,mnt,pid,net,cgroup) + private / + overlay + chroot"
                + " + spawn /bin/true + wait + teardown", runs, warmup, samples, Result.Target.ratioAtMost(1.0),
                List.of(), notes);
    }

    private void jlabContainer() throws IOException {
        Path dir = workspace.dir().resolve("container-" + counter++);
        Path upper = Files.createDirectories(dir.resolve("upper"));
        Path work = Files.createDirectory(dir.resolve("work"));
        Path merged = Files.createDirectory(dir.resolve("merged"));
        String options = "lowerdir=" + workspace.rootfs() + ",upperdir=" + upper + ",workdir=" + work;
        SpawnSpec spec = SpawnSpec.of("/bin/true", List.of("true"));
        try {
            try (ContainerThread thread = new ContainerThread("jlab-bench-container", kernel)) {
                int pid = thread.call(() -> {
                    kernel.unshare(NAMESPACES);
                    kernel.mount(null, "/", null, EnumSet.of(MountFlag.MS_REC, MountFlag.MS_PRIVATE), null);
                    kernel.mount("overlay", merged.toString(), "overlay", EnumSet.noneOf(MountFlag.class), options);
                    kernel.chroot(merged.toString());
                    kernel.chdir("/");
                    return kernel.spawn(spec);
                });
                expectSuccess("/bin/true in the container", kernel.waitpid(pid, false));
            }
        } finally {
            Workspace.delete(dir);
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
