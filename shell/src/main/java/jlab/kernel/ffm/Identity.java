package jlab.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * getpid, gettid and geteuid: they cannot fail, need no errno, and are called on every logged call
 * (LoggingSyscalls records the tid), so they get their own small holder.
 */
final class Identity {
    private Identity() {}

    private static final MethodHandle GETPID = Libc.plainCall("getpid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETTID = Libc.plainCall("gettid", FunctionDescriptor.of(JAVA_INT));
    private static final MethodHandle GETEUID = Libc.plainCall("geteuid", FunctionDescriptor.of(JAVA_INT));

    static int getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw Libc.unexpected("getpid", t);
        }
    }

    static int gettid() {
        try {
            return (int) GETTID.invokeExact();
        } catch (Throwable t) {
            throw Libc.unexpected("gettid", t);
        }
    }

    static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw Libc.unexpected("geteuid", t);
        }
    }
}
