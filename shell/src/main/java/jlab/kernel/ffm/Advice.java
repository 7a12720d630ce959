package jlab.kernel.ffm;

import java.util.List;

import jlab.kernel.Errno;

/**
 * What to try next when a call fails, for the failures learners actually meet. The message of a
 * {@link jlab.kernel.SyscallException} already says what was attempted; this says why it may have
 * failed here. Empty when there is nothing more useful to say than the errno.
 */
final class Advice {
    private Advice() {}

    static final String NO_PIDNS_OPTION = "procfs before Linux 6.18 has no pidns option: "
            + "mount /proc from a process inside the pid namespace instead";

    static String forFailure(String call, List<String> args, Errno errno) {
        String first = args.isEmpty() ? "" : args.getFirst();
        return switch (errno.number()) {
            case Errno.EPERM -> "jlab must run as root";
            case Errno.ENOSYS -> "this kernel does not have " + call + "(2); run `jlab doctor`";
            case Errno.EINVAL -> invalid(call, first, args);
            case Errno.ENOENT -> call.equals("posix_spawn")
                    ? "paths are looked up from the calling thread's root: are the program (and /dev/null, for "
                    + "streams sent there) inside the container's root?"
                    : "";
            case Errno.EBUSY -> call.equals("umount2") ? "still in use; MNT_DETACH detaches it lazily" : "";
            case Errno.ENOMEM -> call.equals("posix_spawn")
                    ? "the pid namespace's init (PID 1) has exited, so no process can join it any more"
                    : "";
            case Errno.ECHILD -> "not a child of jlab, or already reaped";
            case Errno.ESRCH -> "no such process: has it exited already?";
            default -> "";
        };
    }

    private static String invalid(String call, String first, List<String> args) {
        return switch (call) {
            case "unshare" -> first.contains("CLONE_NEWUSER")
                    ? "a multithreaded process cannot create a user namespace"
                    : first.contains("CLONE_NEWPID")
                    ? "a thread can enter a new pid namespace only once: use a fresh container thread" : "";
            case "setns" -> args.size() > 1 && args.get(1).equals("CLONE_NEWNS")
                    ? "entering a mount namespace needs unshare(CLONE_FS) on this thread first"
                    : args.size() > 1 && args.get(1).equals("CLONE_NEWUSER")
                    ? "a multithreaded process cannot join a user namespace" : "";
            case "mount" -> mountInvalid(args.size() > 2 ? args.get(2) : "");
            case "umount2" -> "not a mount point (or the mount is locked)";
            case "pivot_root" -> "new_root must be a mount point with put_old under it, and / must not be "
                    + "shared: mount(NULL, \"/\", NULL, MS_REC|MS_PRIVATE, NULL) first";
            case "fsconfig" -> "is the descriptor a pid namespace (/proc/PID/ns/pid)? " + NO_PIDNS_OPTION;
            default -> "";
        };
    }

    private static String mountInvalid(String quotedFsType) {
        return switch (quotedFsType) {
            case "\"overlay\"" -> "is overlayfs available, and are lowerdir, upperdir and workdir valid "
                    + "(workdir empty, on the same filesystem as upperdir)? try `jlab doctor`";
            case "\"proc\"" -> "check the mount options; a proc mount shows the pid namespace of the process "
                    + "that mounts it";
            default -> "";
        };
    }
}
