package jlab.kernel.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;

import jlab.kernel.Errno;
import jlab.kernel.SyscallException;

/**
 * Linking and calling libc. Handles that report failure through errno take, as their first argument, a
 * capture segment that the caller allocates from its own confined arena, so concurrent calls from the
 * container threads and the shell never read each other's errno.
 */
final class Libc {
    private Libc() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /** The body of one native call: gets the call's arena and its errno capture segment. */
    @FunctionalInterface
    interface Invocation {
        long invoke(Arena arena, MemorySegment errno) throws Throwable;
    }

    /** A downcall whose first parameter is the errno capture segment. */
    @SuppressWarnings("restricted") // the one place jlab links native code; jnativescan checks that
    static MethodHandle errnoCall(String name, FunctionDescriptor descriptor, Linker.Option... options) {
        var all = new Linker.Option[options.length + 1];
        all[0] = CAPTURE_ERRNO;
        System.arraycopy(options, 0, all, 1, options.length);
        return LINKER.downcallHandle(symbol(name), descriptor, all);
    }

    /** A downcall for functions that cannot fail or return their error number (posix_spawn*). */
    @SuppressWarnings("restricted")
    static MethodHandle plainCall(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor);
    }

    private static MemorySegment symbol(String name) {
        return LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name + " (glibc too old?)"));
    }

    /**
     * Runs {@code body} in a fresh confined arena; a result of -1 becomes a {@link SyscallException}
     * for {@code call} with {@code args} (formatted the way {@code LoggingSyscalls} shows them).
     */
    static long call(String call, List<String> args, Invocation body) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = arena.allocate(CAPTURE_LAYOUT);
            long result = body.invoke(arena, errno);
            if (result == -1) throw failure(call, args, (int) ERRNO.get(errno, 0L));
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("native call " + call + " failed", t);
        }
    }

    /** Like {@link #call} but retries while the call is interrupted by a signal (EINTR). */
    static long callRetryingEintr(String call, List<String> args, Invocation body) {
        while (true) {
            try {
                return call(call, args, body);
            } catch (SyscallException e) {
                if (e.errno().number() != Errno.EINTR) throw e;
            }
        }
    }

    static SyscallException failure(String call, List<String> args, int errno) {
        Errno e = Errno.of(errno);
        return new SyscallException(call, args, e, Advice.forFailure(call, args, e));
    }

    /** A NUL-terminated copy of {@code s} in {@code arena}, or NULL for null. */
    static MemorySegment cString(Arena arena, String s) {
        return s == null ? MemorySegment.NULL : arena.allocateFrom(s);
    }

    /** Rethrows what a plain (no errno) downcall threw, keeping unchecked exceptions as they are. */
    static RuntimeException unexpected(String call, Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("native call " + call + " failed", t);
    }
}
