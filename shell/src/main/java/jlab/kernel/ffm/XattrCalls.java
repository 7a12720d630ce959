package jlab.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jlab.kernel.SyscallException;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static jlab.kernel.SyscallLog.quote;

/**
 * lgetxattr and llistxattr, linked on first use. Java's UserDefinedFileAttributeView reads only the
 * user.* namespace; overlayfs keeps its markers (trusted.overlay.opaque) in trusted.*, readable by root.
 */
final class XattrCalls {
    private XattrCalls() {}

    /** XATTR_SIZE_MAX: no attribute value or name list is longer. */
    private static final int MAX = 65536;
    /** ENODATA: the file has no attribute of that name. */
    private static final int ENODATA = 61;

    private static final MethodHandle LGETXATTR = Libc.errnoCall("lgetxattr",
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle LLISTXATTR = Libc.errnoCall("llistxattr",
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));

    static Optional<byte[]> getxattr(String path, String name) {
        byte[][] value = new byte[1][];
        try {
            Libc.call("lgetxattr", List.of(quote(path), quote(name), "...", String.valueOf(MAX)), (arena, errno) -> {
                MemorySegment buffer = arena.allocate(MAX);
                long n = (long) LGETXATTR.invokeExact(errno, Libc.cString(arena, path), Libc.cString(arena, name),
                        buffer, (long) MAX);
                if (n >= 0) value[0] = buffer.asSlice(0, n).toArray(JAVA_BYTE);
                return n;
            });
        } catch (SyscallException e) {
            if (e.errno().number() == ENODATA) return Optional.empty();
            throw e;
        }
        return Optional.of(value[0]);
    }

    static List<String> listxattr(String path) {
        List<String> names = new ArrayList<>();
        Libc.call("llistxattr", List.of(quote(path), "...", String.valueOf(MAX)), (arena, errno) -> {
            MemorySegment buffer = arena.allocate(MAX);
            long n = (long) LLISTXATTR.invokeExact(errno, Libc.cString(arena, path), buffer, (long) MAX);
            if (n > 0) {
                String all = new String(buffer.asSlice(0, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
                for (String name : all.split("\0")) if (!name.isEmpty()) names.add(name);
            }
            return n;
        });
        return List.copyOf(names);
    }
}
