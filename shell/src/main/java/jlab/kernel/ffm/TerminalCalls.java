package jlab.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

import jlab.kernel.WindowSize;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Pseudo-terminals and the bytes through them: the devpts ioctls that posix_openpt(3), unlockpt(3) and
 * ptsname(3) are made of (those glibc functions always use the host's /dev/ptmx and /dev/pts, while
 * jlab opens the ptmx of the container's own devpts), window size, write and poll. Linked on first use.
 */
final class TerminalCalls {
    private TerminalCalls() {}

    /** asm-generic values, the same on x86_64 and aarch64. */
    private static final long TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414, TIOCGPTN = 0x80045430L, TIOCSPTLCK = 0x40045431L;
    private static final short POLLIN = 0x1, POLLERR = 0x8, POLLHUP = 0x10;

    private static final MethodHandle IOCTL = Libc.errnoCall("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle WRITE =
            Libc.errnoCall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle POLL =
            Libc.errnoCall("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));

    static int write(int fd, byte[] buffer, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        return (int) Libc.callRetryingEintr("write", List.of(String.valueOf(fd), "...", String.valueOf(length)),
                (arena, errno) -> {
                    MemorySegment chunk = arena.allocate(Math.max(1, length));
                    MemorySegment.copy(buffer, offset, chunk, JAVA_BYTE, 0, length);
                    return (long) WRITE.invokeExact(errno, fd, chunk, (long) length);
                });
    }

    /** struct pollfd { int fd; short events; short revents; } for one descriptor. */
    static boolean pollIn(int fd, int timeoutMillis) {
        short[] revents = new short[1];
        long ready = Libc.callRetryingEintr("poll", List.of("[{fd=" + fd + ", events=POLLIN}]", "1", String.valueOf(timeoutMillis)),
                (arena, errno) -> {
                    MemorySegment pollfd = arena.allocate(8, 4);
                    pollfd.set(JAVA_INT, 0, fd);
                    pollfd.set(JAVA_SHORT, 4, POLLIN);
                    int n = (int) POLL.invokeExact(errno, pollfd, 1L, timeoutMillis);
                    revents[0] = pollfd.get(JAVA_SHORT, 6);
                    return n;
                });
        return ready > 0 && (revents[0] & (POLLIN | POLLERR | POLLHUP)) != 0;
    }

    static void unlockPty(int masterFd) {
        Libc.call("ioctl", List.of(String.valueOf(masterFd), "TIOCSPTLCK", "[0]"), (arena, errno) -> {
            MemorySegment unlock = arena.allocate(JAVA_INT);
            unlock.set(JAVA_INT, 0, 0);
            return (int) IOCTL.invokeExact(errno, masterFd, TIOCSPTLCK, unlock);
        });
    }

    static int ptyNumber(int masterFd) {
        int[] number = new int[1];
        Libc.call("ioctl", List.of(String.valueOf(masterFd), "TIOCGPTN", "[...]"), (arena, errno) -> {
            MemorySegment n = arena.allocate(JAVA_INT);
            int result = (int) IOCTL.invokeExact(errno, masterFd, TIOCGPTN, n);
            number[0] = n.get(JAVA_INT, 0);
            return result;
        });
        return number[0];
    }

    /** struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }. */
    static void setWindowSize(int fd, WindowSize size) {
        Libc.call("ioctl", List.of(String.valueOf(fd), "TIOCSWINSZ", "{ws_row=" + size.rows() + ", ws_col=" + size.columns() + "}"),
                (arena, errno) -> {
                    MemorySegment winsize = arena.allocate(8, 2);
                    winsize.set(JAVA_SHORT, 0, (short) size.rows());
                    winsize.set(JAVA_SHORT, 2, (short) size.columns());
                    return (int) IOCTL.invokeExact(errno, fd, TIOCSWINSZ, winsize);
                });
    }

    static WindowSize windowSize(int fd) {
        int[] rowsColumns = new int[2];
        Libc.call("ioctl", List.of(String.valueOf(fd), "TIOCGWINSZ", "[...]"), (arena, errno) -> {
            MemorySegment winsize = arena.allocate(8, 2);
            int result = (int) IOCTL.invokeExact(errno, fd, TIOCGWINSZ, winsize);
            rowsColumns[0] = Short.toUnsignedInt(winsize.get(JAVA_SHORT, 0));
            rowsColumns[1] = Short.toUnsignedInt(winsize.get(JAVA_SHORT, 2));
            return result;
        });
        return new WindowSize(rowsColumns[0], rowsColumns[1]);
    }
}
