package jlab.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jlab.kernel.Namespace;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static jlab.kernel.SyscallLog.quote;

/** unshare, setns, sethostname and uname: linked the first time a namespace call is made. */
final class NamespaceCalls {
    private NamespaceCalls() {}

    private static final int CLONE_FS = 0x200;
    /** struct utsname is six char[65] fields; nodename is the second. */
    private static final int UTSNAME_FIELD = 65, UTSNAME_SIZE = 6 * UTSNAME_FIELD;

    private static final MethodHandle UNSHARE =
            Libc.errnoCall("unshare", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SETNS =
            Libc.errnoCall("setns", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETHOSTNAME =
            Libc.errnoCall("sethostname", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle UNAME =
            Libc.errnoCall("uname", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    static void unshare(Set<Namespace> namespaces) {
        int flags = 0;
        for (Namespace ns : namespaces) flags |= ns.flag();
        unshare(flags, names(namespaces));
    }

    static void unshareFs() {
        unshare(CLONE_FS, "CLONE_FS");
    }

    private static void unshare(int flags, String shown) {
        Libc.call("unshare", List.of(shown), (arena, errno) -> (int) UNSHARE.invokeExact(errno, flags));
    }

    static void setns(int fd, Namespace type) {
        int nstype = type == null ? 0 : type.flag();
        Libc.call("setns", List.of(String.valueOf(fd), type == null ? "0" : type.flagName()),
                (arena, errno) -> (int) SETNS.invokeExact(errno, fd, nstype));
    }

    static void sethostname(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        Libc.call("sethostname", List.of(quote(name), String.valueOf(name.length())), (arena, errno) -> {
            MemorySegment buffer = arena.allocateFrom(name);
            return (int) SETHOSTNAME.invokeExact(errno, buffer, (long) bytes.length);
        });
    }

    static String hostname() {
        String[] nodename = new String[1];
        Libc.call("uname", List.of("{...}"), (arena, errno) -> {
            MemorySegment utsname = arena.allocate(UTSNAME_SIZE);
            int result = (int) UNAME.invokeExact(errno, utsname);
            if (result == 0) nodename[0] = utsname.getString(UTSNAME_FIELD);
            return result;
        });
        return nodename[0];
    }

    /** {@code CLONE_NEWNS|CLONE_NEWPID}, in the enum's order, as LoggingSyscalls shows it. */
    static String names(Set<Namespace> namespaces) {
        if (namespaces.isEmpty()) return "0";
        return String.join("|", EnumSet.copyOf(namespaces).stream().map(Namespace::flagName).toList());
    }
}
