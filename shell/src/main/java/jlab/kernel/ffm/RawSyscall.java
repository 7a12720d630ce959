package jlab.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * syscall(2) for the calls glibc 2.36 wraps late or not at all (pidfd_*, pivot_root, the new mount API).
 * The kernel reads six register-sized arguments, so every argument is passed as a long (pointers as
 * their address), which keeps one handle for all of them.
 */
final class RawSyscall {
    private RawSyscall() {}

    /** Numbers from the generic table, the same on x86_64 and aarch64. */
    static final long PIDFD_SEND_SIGNAL = 424, MOVE_MOUNT = 429, FSOPEN = 430, FSCONFIG = 431, FSMOUNT = 432,
            PIDFD_OPEN = 434;

    /** pivot_root predates the generic table: x86_64 and aarch64 disagree. */
    static long pivotRoot() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 155;
            case "aarch64" -> 41;
            default -> throw new UnsupportedOperationException(
                    "jlab knows pivot_root's number only on x86_64 and aarch64, not " + System.getProperty("os.arch"));
        };
    }

    private static final MethodHandle SYSCALL = Libc.errnoCall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));

    static long invoke(MemorySegment errno, long number, long a, long b, long c, long d, long e) throws Throwable {
        return (long) SYSCALL.invokeExact(errno, number, a, b, c, d, e, 0L);
    }
}
