package jlab.kernel.ffm;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jlab.kernel.SyscallException;

import static jlab.kernel.SyscallLog.quote;

/**
 * The new mount API (fsopen, fsconfig, fsmount, move_mount), used for the one thing mount(2) cannot do:
 * a procfs that shows a pid namespace other than the caller's, via procfs's {@code pidns} option.
 */
final class NewMountApi {
    private NewMountApi() {}

    private static final int FSOPEN_CLOEXEC = 1, FSMOUNT_CLOEXEC = 1, FSCONFIG_SET_FD = 5, FSCONFIG_CMD_CREATE = 6,
            AT_FDCWD = -100, MOVE_MOUNT_F_EMPTY_PATH = 4;

    static void mountProcForPidNamespace(String target, int pidnsFd) {
        int fsfd = (int) Libc.call("fsopen", List.of("\"proc\"", "FSOPEN_CLOEXEC"), (arena, errno) ->
                RawSyscall.invoke(errno, RawSyscall.FSOPEN, arena.allocateFrom("proc").address(), FSOPEN_CLOEXEC, 0, 0, 0));
        try {
            try {
                Libc.call("fsconfig", List.of(String.valueOf(fsfd), "FSCONFIG_SET_FD", "\"pidns\"", "NULL",
                        String.valueOf(pidnsFd)), (arena, errno) -> RawSyscall.invoke(errno, RawSyscall.FSCONFIG, fsfd,
                        FSCONFIG_SET_FD, arena.allocateFrom("pidns").address(), 0, pidnsFd));
            } catch (SyscallException e) {
                throw withKernelMessage(e, fsfd);
            }
            Libc.call("fsconfig", List.of(String.valueOf(fsfd), "FSCONFIG_CMD_CREATE", "NULL", "NULL", "0"),
                    (arena, errno) -> RawSyscall.invoke(errno, RawSyscall.FSCONFIG, fsfd, FSCONFIG_CMD_CREATE, 0, 0, 0));
            int mountFd = (int) Libc.call("fsmount", List.of(String.valueOf(fsfd), "FSMOUNT_CLOEXEC", "0"),
                    (arena, errno) -> RawSyscall.invoke(errno, RawSyscall.FSMOUNT, fsfd, FSMOUNT_CLOEXEC, 0, 0, 0));
            try {
                Libc.call("move_mount", List.of(String.valueOf(mountFd), "\"\"", "AT_FDCWD", quote(target),
                        "MOVE_MOUNT_F_EMPTY_PATH"), (arena, errno) -> RawSyscall.invoke(errno, RawSyscall.MOVE_MOUNT,
                        mountFd, arena.allocateFrom("").address(), AT_FDCWD, arena.allocateFrom(target).address(),
                        MOVE_MOUNT_F_EMPTY_PATH));
            } finally {
                FileCalls.close(mountFd);
            }
        } finally {
            FileCalls.close(fsfd);
        }
    }

    /**
     * The kernel explains a failed fsconfig in the filesystem context's log, readable from the fd
     * ({@code e proc: pidns argument is not a pidns file}); that beats any guess, so it becomes the advice.
     */
    private static SyscallException withKernelMessage(SyscallException e, int fsfd) {
        String log = readLog(fsfd);
        if (log.isEmpty()) return e;
        String advice = "kernel says: " + log;
        if (log.contains("Unknown parameter")) advice += "; " + Advice.NO_PIDNS_OPTION;
        return e.withAdvice(advice);
    }

    private static String readLog(int fsfd) {
        try {
            byte[] buffer = new byte[512];
            int n = FileCalls.read(fsfd, buffer);
            return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8).strip();
        } catch (SyscallException noMessage) {
            return "";
        }
    }
}
