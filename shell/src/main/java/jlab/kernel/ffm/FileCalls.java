package jlab.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Set;

import jlab.kernel.Flag;
import jlab.kernel.OpenFlag;
import jlab.kernel.Pipe;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static jlab.kernel.SyscallLog.quote;

/** open, close, read and pipe2 on raw file descriptors: linked on first use. */
final class FileCalls {
    private FileCalls() {}

    private static final int O_CLOEXEC = 02000000;
    /** Mode for files created with O_CREAT (open's variadic third argument). */
    private static final int CREATE_MODE = 0644;

    private static final MethodHandle OPEN = Libc.errnoCall("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle CLOSE = Libc.errnoCall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle READ =
            Libc.errnoCall("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle PIPE2 =
            Libc.errnoCall("pipe2", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));

    static int open(String path, Set<OpenFlag> flags) {
        int bits = (int) Flag.bits(flags);
        return (int) Libc.call("open", List.of(quote(path), flags.isEmpty() ? "O_RDONLY" : Flag.format(flags)),
                (arena, errno) -> (int) OPEN.invokeExact(errno, Libc.cString(arena, path), bits, CREATE_MODE));
    }

    /** Not retried on EINTR: on Linux the descriptor is gone even then. */
    static void close(int fd) {
        Libc.call("close", List.of(String.valueOf(fd)), (arena, errno) -> (int) CLOSE.invokeExact(errno, fd));
    }

    static int read(int fd, byte[] buffer) {
        return (int) Libc.callRetryingEintr("read", List.of(String.valueOf(fd), "...", String.valueOf(buffer.length)),
                (arena, errno) -> {
                    MemorySegment chunk = arena.allocate(Math.max(1, buffer.length));
                    long n = (long) READ.invokeExact(errno, fd, chunk, (long) buffer.length);
                    if (n > 0) MemorySegment.copy(chunk, JAVA_BYTE, 0, buffer, 0, (int) n);
                    return n;
                });
    }

    static Pipe pipe() {
        int[] fds = new int[2];
        Libc.call("pipe2", List.of("[...]", "O_CLOEXEC"), (arena, errno) -> {
            MemorySegment pair = arena.allocate(JAVA_INT, 2);
            int result = (int) PIPE2.invokeExact(errno, pair, O_CLOEXEC);
            fds[0] = pair.getAtIndex(JAVA_INT, 0);
            fds[1] = pair.getAtIndex(JAVA_INT, 1);
            return result;
        });
        return new Pipe(fds[0], fds[1]);
    }
}
