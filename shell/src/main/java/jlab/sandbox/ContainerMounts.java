package jlab.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import jlab.kernel.MountFlag;
import jlab.kernel.OpenFlag;
import jlab.kernel.SyscallException;
import jlab.kernel.UmountFlag;

/**
 * Mounts inside the container's rootfs, always in the lab's own mount namespace with / private (the
 * sandbox refuses them before): /proc for its pid namespace, tmpfs, overlays, and their unmounting.
 */
public final class ContainerMounts {
    /** Slaves for root only (the shell runs as root); ptmx open to all, as on a host. */
    static final String DEVPTS_OPTIONS = "newinstance,ptmxmode=0666,mode=0620";

    private final Sandbox sandbox;
    private boolean devpts;

    ContainerMounts(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** How /proc got its pid namespace: jlab's own fsmount with procfs's pidns option, or a process inside. */
    public enum ProcMount { PIDNS_OPTION, PROCESS_INSIDE }

    /** Mounts a procfs at the rootfs's /proc that shows the container's pid namespace. */
    public ProcMount mountProc(boolean allowPidnsOption) {
        sandbox.requireRootMount("mount /proc");
        if (!sandbox.hasInit()) throw new SandboxException("/proc for the container needs its init first (the `spawn` action with role: init)");
        String target = sandbox.threadPath("/proc");
        if (allowPidnsOption) {
            int nsFd = sandbox.quiet().open("/proc/" + sandbox.initPid().getAsInt() + "/ns/pid", EnumSet.of(OpenFlag.O_CLOEXEC));
            try {
                sandbox.onThread(() -> { sandbox.kernel().mountProcForPidNamespace(target, nsFd); return null; });
                return ProcMount.PIDNS_OPTION;
            } catch (SyscallException e) {
                if (e.errno().number() != jlab.kernel.Errno.EINVAL && e.errno().number() != jlab.kernel.Errno.ENOSYS) throw e;
            } finally {
                sandbox.quiet().close(nsFd);
            }
        }
        var result = sandbox.commands().run(List.of("mount", "-t", "proc", "proc", "/proc"), line -> { }, 10_000);
        if (result.exitCode() != 0) {
            throw new SandboxException("mounting /proc from inside the container failed: " + result.describe());
        }
        return ProcMount.PROCESS_INSIDE;
    }

    /** Mounts a tmpfs or proc at {@code target} inside the rootfs. */
    public void mount(String type, String target, String options) {
        if (!type.equals("tmpfs") && !type.equals("proc")) {
            throw new SandboxException("jlab mounts only tmpfs and proc inside a lab, not '" + type + "'");
        }
        sandbox.requireRootMount("mount " + type);
        String path = sandbox.threadPath(target);
        sandbox.onThread(() -> {
            sandbox.kernel().mount(type, path, type, EnumSet.of(MountFlag.MS_NOSUID, MountFlag.MS_NODEV), options);
            return null;
        });
    }

    /**
     * Mounts an overlay at {@code merged} from {@code lowers} (top first), {@code upper} and {@code work}, all
     * paths inside the rootfs, in the lab's own mount namespace; creates upper, work and merged if missing.
     * Returns the options string handed to mount(2).
     */
    public String mountOverlay(List<String> lowers, String upper, String work, String merged) {
        sandbox.requireRootMount("mount an overlay");
        for (String dir : List.of(upper, work, merged)) {
            try {
                Files.createDirectories(sandbox.hostPath(dir));
            } catch (IOException e) {
                throw new SandboxException("cannot create " + dir + " for the overlay: " + e.getMessage());
            }
        }
        for (String lower : lowers) {
            if (!Files.isDirectory(sandbox.hostPath(lower))) throw new SandboxException("the lower layer " + lower + " is not a directory");
        }
        String options = jlab.fs.OverlayMount.options(lowers.stream().map(sandbox::threadPath).toList(),
                sandbox.threadPath(upper), sandbox.threadPath(work));
        String target = sandbox.threadPath(merged);
        sandbox.onThread(() -> {
            sandbox.kernel().mount("overlay", target, "overlay", EnumSet.noneOf(MountFlag.class), options);
            return null;
        });
        return options;
    }

    /** umount2(target, 0) inside the lab's own mount namespace. */
    public void unmount(String target) {
        sandbox.requireRootMount("unmount " + target);
        String path = sandbox.threadPath(target);
        sandbox.onThread(() -> {
            sandbox.kernel().umount2(path, EnumSet.noneOf(UmountFlag.class));
            return null;
        });
    }

    /**
     * Mounts a devpts instance of the container's own at /dev/pts, once: pseudo-terminals opened through
     * its ptmx are numbered from 0 and exist only inside the container (what runc does for every container).
     * /dev/ptmx becomes a link to pts/ptmx, as on a host with such an instance, so programs inside that open
     * /dev/ptmx get a pty of the container's instance too.
     */
    synchronized void mountDevpts() {
        if (devpts) return;
        sandbox.requireRootMount("mount devpts");
        try {
            Files.createDirectories(sandbox.hostPath("/dev/pts"));
        } catch (IOException e) {
            throw new SandboxException("cannot create /dev/pts in the container: " + e.getMessage());
        }
        String path = sandbox.threadPath("/dev/pts");
        sandbox.onThread(() -> {
            sandbox.kernel().mount("devpts", path, "devpts", EnumSet.of(MountFlag.MS_NOSUID, MountFlag.MS_NOEXEC), DEVPTS_OPTIONS);
            return null;
        });
        devpts = true;
        Path ptmx = sandbox.hostPath("/dev/ptmx");
        if (!Files.exists(ptmx, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createSymbolicLink(ptmx, Path.of("pts/ptmx"));
            } catch (IOException e) {
                throw new SandboxException("cannot link /dev/ptmx to pts/ptmx in the container: " + e.getMessage());
            }
        }
    }
}
