package jlab.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Set;

import jlab.kernel.Flag;
import jlab.kernel.MountFlag;
import jlab.kernel.UmountFlag;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static jlab.kernel.SyscallLog.quote;

/** mount, umount2 and the calls that move a thread's root or cwd: linked on first use. */
final class MountCalls {
    private MountCalls() {}

    private static final MethodHandle MOUNT = Libc.errnoCall("mount",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    private static final MethodHandle UMOUNT2 =
            Libc.errnoCall("umount2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle CHROOT = Libc.errnoCall("chroot", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle CHDIR = Libc.errnoCall("chdir", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle FCHDIR = Libc.errnoCall("fchdir", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    static void mount(String source, String target, String fstype, Set<MountFlag> flags, String data) {
        long bits = Flag.bits(flags);
        Libc.call("mount", List.of(quote(source), quote(target), quote(fstype), Flag.format(flags), quote(data)),
                (arena, errno) -> (int) MOUNT.invokeExact(errno, Libc.cString(arena, source),
                        Libc.cString(arena, target), Libc.cString(arena, fstype), bits, Libc.cString(arena, data)));
    }

    static void umount2(String target, Set<UmountFlag> flags) {
        int bits = (int) Flag.bits(flags);
        Libc.call("umount2", List.of(quote(target), Flag.format(flags)),
                (arena, errno) -> (int) UMOUNT2.invokeExact(errno, Libc.cString(arena, target), bits));
    }

    static void chroot(String path) {
        Libc.call("chroot", List.of(quote(path)),
                (arena, errno) -> (int) CHROOT.invokeExact(errno, Libc.cString(arena, path)));
    }

    static void chdir(String path) {
        Libc.call("chdir", List.of(quote(path)),
                (arena, errno) -> (int) CHDIR.invokeExact(errno, Libc.cString(arena, path)));
    }

    static void fchdir(int fd) {
        Libc.call("fchdir", List.of(String.valueOf(fd)), (arena, errno) -> (int) FCHDIR.invokeExact(errno, fd));
    }

    static void pivotRoot(String newRoot, String putOld) {
        long number = RawSyscall.pivotRoot();
        Libc.call("pivot_root", List.of(quote(newRoot), quote(putOld)),
                (arena, errno) -> RawSyscall.invoke(errno, number, Libc.cString(arena, newRoot).address(),
                        Libc.cString(arena, putOld).address(), 0, 0, 0));
    }
}
