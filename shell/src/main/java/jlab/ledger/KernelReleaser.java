package jlab.ledger;

import jlab.kernel.Errno;
import jlab.kernel.Signal;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.kernel.UmountFlag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * Undoes resources on the real kernel through {@link Syscalls}: SIGKILL through a pidfd for processes
 * (only while pid and start time still match), lazy umount for host mounts and netns pins, rmdir for
 * cgroups, and {@link DirectoryRemover} for directories. Anything already gone counts as released.
 */
public final class KernelReleaser implements Releaser {
    private static final Duration POLL = Duration.ofMillis(5);

    private final Syscalls kernel;
    private final StartTimes startTimes;
    private final DirectoryRemover directories;
    private final Duration killWait;

    /**
     * @param mountinfo the host's mount table ({@code /proc/self/mountinfo}: the JVM's main thread stays in
     *                  the host's mount namespace), read afresh for each directory
     * @param killWait  how long to wait for a killed process to leave /proc
     */
    public KernelReleaser(Syscalls kernel, StartTimes startTimes, Path mountinfo, Duration killWait) {
        this.kernel = kernel;
        this.startTimes = startTimes;
        this.killWait = killWait;
        this.directories = new DirectoryRemover(() -> {
            try {
                return MountPoints.read(mountinfo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The host's /proc and mount table, waiting up to 2 s per killed process. */
    public static KernelReleaser system(Syscalls kernel) {
        return new KernelReleaser(kernel, ProcStartTimes.system(), Path.of("/proc/self/mountinfo"), Duration.ofSeconds(2));
    }

    @Override public String release(Resource resource) {
        return switch (resource) {
            case Resource.Process(int pid, long startTime) -> kill(new ProcessIdentity(pid, startTime));
            case Resource.Mount(Path target, boolean host) ->
                    host ? unmount(target) : "nothing to do: it went with the lab's mount namespace";
            case Resource.NetNamespace(Path pin) -> unpin(pin);
            case Resource.Cgroup(Path dir) -> removeCgroup(dir);
            case Resource.Directory(Path dir) -> directories.remove(dir);
        };
    }

    private String kill(ProcessIdentity process) {
        OptionalLong now = startTimes.startTime(process.pid());
        if (now.isEmpty()) return "already gone";
        if (now.getAsLong() != process.startTime()) {
            return "already gone; pid " + process.pid() + " now belongs to another process (start time "
                    + now.getAsLong() + "), left alone";
        }
        int pidfd;
        try {
            pidfd = kernel.pidfdOpen(process.pid());
        } catch (SyscallException e) {
            if (e.errno().number() == Errno.ESRCH) return "already gone";
            throw new ReleaseException(e.getMessage(), e);
        }
        try {
            // The pidfd pins whatever process had the pid when it was opened; if that is still ours, the
            // signal cannot reach a newcomer.
            if (!startTimes.isRunning(process)) return "exited by itself";
            kernel.pidfdSendSignal(pidfd, Signal.SIGKILL);
        } catch (SyscallException e) {
            if (e.errno().number() != Errno.ESRCH) throw new ReleaseException(e.getMessage(), e);
        } finally {
            kernel.close(pidfd);
        }
        awaitExit(process);
        return "killed (SIGKILL)";
    }

    private void awaitExit(ProcessIdentity process) {
        long deadline = System.nanoTime() + killWait.toNanos();
        while (startTimes.isRunning(process)) {
            if (System.nanoTime() > deadline) {
                throw new ReleaseException("sent SIGKILL but it still runs after " + killWait.toMillis()
                        + " ms (stuck in uninterruptible sleep? see the state in /proc/" + process.pid() + "/stat)");
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReleaseException("interrupted while waiting for it to exit", e);
            }
        }
        reapIfOurs(process.pid());
    }

    /** A killed child of ours stays a zombie until waited for; any other process's parent reaps it. */
    private void reapIfOurs(int pid) {
        try {
            kernel.waitpid(pid, true);
        } catch (SyscallException e) {
            // ECHILD: not our child, which is the usual case after a crash.
        }
    }

    private String unmount(Path target) {
        try {
            kernel.umount2(target.toString(), EnumSet.of(UmountFlag.MNT_DETACH));
            return "unmounted (MNT_DETACH)";
        } catch (SyscallException e) {
            return switch (e.errno().number()) {
                case Errno.EINVAL -> "was not mounted";
                case Errno.ENOENT -> "already gone";
                default -> throw new ReleaseException(e.getMessage(), e);
            };
        }
    }

    private String unpin(Path pin) {
        String unmounted = unmount(pin);
        try {
            return Files.deleteIfExists(pin) ? unmounted + ", pin file removed" : unmounted;
        } catch (IOException e) {
            throw new ReleaseException("cannot remove the pin file: " + e, e);
        }
    }

    private String removeCgroup(Path dir) {
        try {
            // rmdir(2): a cgroup directory goes away with its interface files, as long as it is empty.
            Files.delete(dir);
            return "removed (rmdir)";
        } catch (NoSuchFileException e) {
            return "already gone";
        } catch (DirectoryNotEmptyException e) {
            throw new ReleaseException("it has child cgroups; remove those first", e);
        } catch (FileSystemException e) {
            if (String.valueOf(e.getReason()).contains("busy")) {
                throw new ReleaseException("EBUSY: processes remain in it " + remainingPids(dir), e);
            }
            throw new ReleaseException(e.toString(), e);
        } catch (IOException e) {
            throw new ReleaseException(e.toString(), e);
        }
    }

    private static String remainingPids(Path dir) {
        try {
            List<String> pids = Files.readAllLines(dir.resolve("cgroup.procs")).stream().filter(s -> !s.isBlank()).toList();
            return "(cgroup.procs: " + String.join(" ", pids) + ")";
        } catch (IOException e) {
            return "(cgroup.procs unreadable: " + e + ")";
        }
    }
}
