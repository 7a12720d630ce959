package jlab.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

import jlab.kernel.MountFlag;
import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.Signal;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.kernel.UmountFlag;
import jlab.ledger.Ledger;
import jlab.ledger.Releaser;
import jlab.ledger.Resource;

/**
 * One lab's container, built step by step as the lab asks: namespaces unshared on the container's own
 * thread, / made private, an init spawned inside, /proc, hostname, pivot_root. Commands always run inside
 * the busybox root file system and inside the lab's namespaces, never on the host: {@link #exec} refuses
 * until the container has its own mount, UTS, IPC, network and pid namespaces and an init, and mounts are
 * refused until / is private, so nothing can propagate to the host.
 *
 * <p>Two kernels: {@code kernel} is logged (what the learner is shown), {@code quiet} is the same kernel
 * unlogged, for plumbing such as pipes and the chroot around each spawn before the lab's own pivot_root.
 */
public final class Sandbox implements AutoCloseable {
    /** Namespaces a command needs before it may run: without them it could touch the host. */
    private static final java.util.concurrent.atomic.AtomicInteger ROOTFS_COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    static final Set<Namespace> REQUIRED_FOR_EXEC =
            EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.NET, Namespace.PID);

    private final Syscalls kernel;
    private final Syscalls quiet;
    private final Ledger ledger;
    private final Releaser releaser;
    private final Path rootfs;
    private final ContainerThread thread;
    private final EnumSet<Namespace> unshared = EnumSet.noneOf(Namespace.class);
    private final Commands commands;
    private final ContainerInit init;
    private final ContainerMounts mounts = new ContainerMounts(this);
    private boolean rootPrivate;
    private boolean rootfsMounted;
    private boolean rooted;
    private int hostRootFd = -1;
    private volatile boolean closed;
    private LabNetwork network;

    private Sandbox(Syscalls kernel, Syscalls quiet, Ledger ledger, Releaser releaser, Path rootfs, ContainerThread thread) {
        this.kernel = kernel;
        this.quiet = quiet;
        this.ledger = ledger;
        this.releaser = releaser;
        this.rootfs = rootfs;
        this.thread = thread;
        this.commands = new Commands(this, quiet, ledger);
        this.init = new ContainerInit(kernel, quiet, ledger, commands);
    }

    /** Builds the rootfs in the session's workspace and starts the container's thread. */
    public static Sandbox create(Syscalls kernel, Syscalls quiet, Ledger ledger, Path busybox, Releaser releaser)
            throws IOException {
        Path rootfs = ledger.sessionDir().resolve("rootfs-" + ROOTFS_COUNTER.incrementAndGet());
        ledger.record(new Resource.Directory(rootfs));
        Files.createDirectory(rootfs);
        new BusyboxRootfs(busybox).build(rootfs);
        ContainerThread thread = new ContainerThread("jlab-container-" + ledger.sessionId(), quiet);
        Sandbox sandbox = new Sandbox(kernel, quiet, ledger, releaser, rootfs, thread);
        try {
            thread.call(sandbox::harden);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    /**
     * Capabilities no lab needs and that would let a root process inside reach the host (load modules,
     * raw disk access, mknod, open_by_handle_at, reboot, ...) are dropped from the thread's bounding set,
     * so nothing it spawns can ever hold them. The thread itself keeps what it needs to build the container.
     */
    private Void harden() {
        ThreadPreparation.prepare(quiet);
        openHostRoot();
        return null;
    }

    /**
     * The descriptor the thread climbs back out of the rootfs through. It must name / in the thread's
     * current mount namespace: one opened before unshare(CLONE_NEWNS) would lead back into the host's
     * mount tree, where mounts by the container's processes fail with EINVAL.
     */
    private void openHostRoot() {
        if (hostRootFd >= 0) quiet.close(hostRootFd);
        hostRootFd = quiet.open("/", EnumSet.of(OpenFlag.O_PATH, OpenFlag.O_DIRECTORY, OpenFlag.O_CLOEXEC));
    }

    public Path rootfs() { return rootfs; }

    public int threadTid() { return thread.tid(); }

    public OptionalInt initPid() { return init.pid(); }

    public Set<Namespace> unshared() { return EnumSet.copyOf(unshared); }

    /** True once chroot or pivot_root moved the container's thread into the rootfs. */
    public boolean rooted() { return rooted; }

    public void unshare(Set<Namespace> namespaces) {
        if (namespaces.contains(Namespace.USER)) {
            throw new SandboxException("a user namespace cannot be unshared by a multithreaded process such as the JVM");
        }
        if (namespaces.contains(Namespace.PID) && unshared.contains(Namespace.PID)) {
            throw new SandboxException("the container's thread already created a pid namespace; a thread can do that only once");
        }
        onThread(() -> {
            kernel.unshare(namespaces);
            if (namespaces.contains(Namespace.MOUNT)) openHostRoot();
            return null;
        });
        unshared.addAll(namespaces);
    }

    /** mount(NULL, path, NULL, MS_REC|MS_PRIVATE, NULL) in the lab's own mount namespace. */
    public void makePrivate(String path) {
        requireNamespace(Namespace.MOUNT, "make mounts private");
        String target = path.equals("/") ? "/" : threadPath(path);
        onThread(() -> {
            kernel.mount(null, target, null, EnumSet.of(MountFlag.MS_REC, MountFlag.MS_PRIVATE), null);
            return null;
        });
        if (path.equals("/")) rootPrivate = true;
    }

    public void sethostname(String name) {
        requireNamespace(Namespace.UTS, "set the container's hostname");
        onThread(() -> { kernel.sethostname(name); return null; });
    }

    /** The hostname of the container's UTS namespace (the host's until UTS is unshared). */
    public String hostname() {
        return onThread(quiet::hostname);
    }

    /** Spawns the container's init; with a new pid namespace it is PID 1 there. Returns its host pid. */
    public int spawnInit(List<String> argv) {
        if (init.exists()) throw new SandboxException("the container already has an init (pid " + init.pid().getAsInt() + ")");
        requireIsolation("start an init");
        return init.spawned(commands.spawnInit(argv));
    }

    /** kill(2) of the container's init from jlab, in the host's (the parent) pid namespace. */
    public void signalInit(Signal signal) {
        if (closed) throw new SandboxException("the sandbox was torn down");
        init.signal(signal);
    }

    /** Whether the container's init is still alive. */
    public boolean initRunning() {
        return init.running();
    }

    /**
     * The lab's network namespaces (hub, red = this container's, blue), made on first use and torn down
     * with the sandbox. Red is refused until the container has its own network namespace.
     */
    public synchronized LabNetwork network() {
        if (closed) throw new SandboxException("the sandbox was torn down");
        if (network == null) {
            var log = kernel instanceof jlab.kernel.LoggingSyscalls logging ? logging.log() : null;
            network = new LabNetwork(kernel, quiet, log, ledger, releaser, () -> {
                requireNamespace(Namespace.NET, "connect the container to a network");
                return Path.of("/proc/" + quiet.getpid() + "/task/" + thread.tid() + "/ns/net");
            });
        }
        return network;
    }

    /** Copies a statically linked host tool jlab knows into the rootfs; see {@link HostTools#install}. */
    public String install(String tool) {
        return HostTools.install(this, tool);
    }

    /** Runs a command inside the container; see {@link Commands#run}. */
    public Commands commands() { return commands; }

    /** Reads extended attributes (overlay markers) through this sandbox's kernel. */
    public jlab.fs.Xattrs xattrs() { return jlab.fs.Xattrs.through(quiet); }

    /**
     * Starts recording the kernel's fork, exec and exit events of this container's processes, on a thread
     * of the recorder's own (call it from the shell's side, never from the container's thread);
     * {@code running} are the host pids of the container's processes now. See {@link jlab.events.ProcessEventRecorder}.
     */
    public jlab.events.ProcessEventRecorder recordProcessEvents(jlab.proc.ProcFs proc, Set<Integer> running, String label) {
        if (closed) throw new SandboxException("the sandbox was torn down");
        var scope = new jlab.events.ProcessEventRecorder.Scope(quiet.getpid(), thread.tid(), init.pid(), running,
                commands::spawnedProgram);
        return jlab.events.ProcessEventRecorder.start(quiet, proc, scope, label);
    }

    /** Mounts inside the container: /proc, tmpfs, overlays. */
    public ContainerMounts mounts() { return mounts; }

    Syscalls quiet() { return quiet; }

    public void chroot() {
        requireRootMount("chroot");
        if (rooted) throw new SandboxException("the container's thread is already inside the rootfs");
        String dir = rootfs.toString();
        onThread(() -> {
            kernel.chroot(dir);
            kernel.chdir("/");
            return null;
        });
        rooted = true;
    }

    /** pivot_root(".", ".") in the bind-mounted rootfs, then detach the old root, as runc does. */
    public void pivotRoot() {
        requireRootMount("pivot_root");
        if (rooted) throw new SandboxException("the container's thread is already inside the rootfs");
        String dir = rootfs.toString();
        onThread(() -> {
            kernel.chdir(dir);
            kernel.pivotRoot(".", ".");
            kernel.umount2(".", EnumSet.of(UmountFlag.MNT_DETACH));
            kernel.chdir("/");
            quiet.close(hostRootFd);
            hostRootFd = -1;
            return null;
        });
        rooted = true;
    }

    /** Host path of a path inside the rootfs, refusing anything that could leave it. */
    public Path hostPath(String containerPath) {
        return rootfs.resolve(ContainerPaths.relative(containerPath));
    }

    /** The path the container's thread must use for a path inside the container. */
    String threadPath(String containerPath) {
        return rooted ? "/" + ContainerPaths.relative(containerPath) : hostPath(containerPath).toString();
    }

    void requireIsolation(String what) {
        Set<Namespace> missing = EnumSet.copyOf(REQUIRED_FOR_EXEC);
        missing.removeAll(unshared);
        if (!missing.isEmpty()) {
            throw new SandboxException("cannot " + what + " yet: the container does not have its own "
                    + missing.stream().map(Namespace::procName).toList()
                    + " namespaces, so the command would run in the host's. A later step creates them.");
        }
        requireRootMount(what);
    }

    boolean hasInit() { return init.exists(); }

    /**
     * Runs {@code spawn} on the container's thread with its root inside the rootfs: after chroot or
     * pivot_root it already is; before, the thread chroots into the rootfs for the spawn and climbs back
     * out through a descriptor of the host's root that only the thread holds (close-on-exec).
     */
    <T> T inRootfs(Callable<T> spawn) {
        return onThread(() -> {
            if (rooted) return spawn.call();
            quiet.chroot(rootfs.toString());
            try {
                return spawn.call();
            } finally {
                quiet.fchdir(hostRootFd);
                quiet.chroot(".");
                quiet.chdir("/");
            }
        });
    }

    Syscalls kernel() { return kernel; }

    /** The session's ledger, for resources of the lab that the sandbox does not create itself (cgroups). */
    public Ledger ledger() { return ledger; }

    /**
     * From now on every command, held at its gate (see {@link RecordedSpawns}), is also put into the lab's cgroup
     * by {@code placer} before it execs the command, so nothing it does escapes the limits (runc does the
     * same with its init). Null stops placing.
     */
    public void placeNewProcessesWith(java.util.function.IntConsumer placer) {
        commands.placeWith(placer);
    }

    private void requireNamespace(Namespace ns, String what) {
        if (!unshared.contains(ns)) {
            throw new SandboxException("cannot " + what + " before the container has its own "
                    + ns.procName() + " namespace (unshare: [" + ns.name().toLowerCase() + "])");
        }
    }

    /**
     * Mounting needs the lab's own mount namespace with / private, or the mount would propagate to the
     * host's. The first mount bind-mounts the rootfs onto itself (pivot_root needs a mount point) and the
     * host's null, zero, random, urandom and tty devices into its /dev.
     */
    void requireRootMount(String what) {
        requireNamespace(Namespace.MOUNT, what);
        if (!rootPrivate) {
            throw new SandboxException("cannot " + what + " while / is shared: the mount would propagate to the host."
                    + " Make it private first (make-private: /)");
        }
        if (rootfsMounted) return;
        String dir = rootfs.toString();
        onThread(() -> {
            kernel.mount(dir, dir, null, EnumSet.of(MountFlag.MS_BIND, MountFlag.MS_REC), null);
            for (String dev : BusyboxRootfs.DEVICES) {
                kernel.mount("/dev/" + dev, dir + "/dev/" + dev, null, EnumSet.of(MountFlag.MS_BIND), null);
            }
            return null;
        });
        rootfsMounted = true;
    }

    <T> T onThread(Callable<T> task) {
        if (closed) throw new SandboxException("the sandbox was torn down");
        return thread.call(task);
    }

    /**
     * Kills the container (SIGKILL to its init ends every process of its pid namespace), reaps it, ends
     * the thread (its mount namespace and every mount in it go with it) and removes the rootfs.
     */
    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        if (network != null) network.close();
        commands.killAll();
        init.killAndReap();
        commands.forgetDetached();
        thread.close();
        if (hostRootFd >= 0) {
            quiet.close(hostRootFd);
            hostRootFd = -1;
        }
        var dir = new Resource.Directory(rootfs);
        try {
            releaser.release(dir);
            ledger.released(dir);
        } catch (RuntimeException e) {
            // stays live in the ledger: the session's teardown or `jlab cleanup` retries and reports it
        }
    }
}
