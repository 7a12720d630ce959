package jlab.sandbox;

import java.util.List;

import jlab.kernel.MountFlag;
import jlab.kernel.OpenFlag;
import jlab.kernel.Signal;
import jlab.kernel.Syscalls;
import jlab.kernel.UmountFlag;

/**
 * Readies the container's thread before it builds the container: every downcall linked and every class it
 * uses loaded while it can still read the class path, and the capabilities no container may hold dropped
 * from its bounding set (see {@link Capabilities}).
 */
final class ThreadPreparation {
    /**
     * Classes the container's thread may use after it left the host's root: loaded while it still can
     * (a class path directory is read by path; a jar, already open, would not need this).
     */
    static final List<Class<?>> ON_THREAD = List.of(jlab.kernel.SyscallException.class, jlab.kernel.Errno.class,
            jlab.kernel.SyscallLog.Entry.class, jlab.kernel.SyscallLog.class, MountFlag.class, UmountFlag.class,
            OpenFlag.class, Signal.class, jlab.kernel.Flag.class, jlab.kernel.Pipe.class, jlab.kernel.SpawnSpec.class,
            jlab.kernel.SpawnSpec.Gate.class, jlab.kernel.SpawnGate.class,
            jlab.kernel.WaitStatus.Exited.class, jlab.kernel.WaitStatus.Signaled.class, jlab.kernel.WaitStatus.Stopped.class,
            jlab.kernel.WaitStatus.StillRunning.class, SandboxException.class, ContainerPaths.class);

    private ThreadPreparation() {}

    /** Runs on the container's thread, before its first unshare. */
    static void prepare(Syscalls quiet) {
        quiet.linkAll();
        for (Class<?> c : ON_THREAD) {
            try {
                Class.forName(c.getName(), true, c.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        for (int cap : Capabilities.DROPPED_FOR_CONTAINERS) {
            quiet.dropBoundingCapability(cap);
        }
    }
}
