package jlab.kernel.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

import jlab.kernel.SpawnGate;
import jlab.kernel.SpawnSpec;
import jlab.kernel.SyscallLog;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static jlab.kernel.SyscallLog.quote;

/**
 * posix_spawn(3) through glibc, which uses clone(CLONE_VM|CLONE_VFORK): unlike fork it works on a thread
 * that has unshared its pid namespace, and unlike ProcessBuilder it needs no helper binary outside a chroot.
 * The posix_spawn* functions return an error number instead of setting errno.
 */
final class SpawnCalls {
    private SpawnCalls() {}

    /** glibc's opaque structs on x86_64 are 336, 80 and 128 bytes; these leave room for other ABIs. */
    private static final long ATTR_SIZE = 1024, FILE_ACTIONS_SIZE = 256, SIGSET_SIZE = 256, ALIGN = 16;
    private static final short POSIX_SPAWN_SETSIGDEF = 0x04, POSIX_SPAWN_SETSIGMASK = 0x08, POSIX_SPAWN_SETSID = 0x80;
    private static final int O_RDWR = 2, X_OK = 1;
    /** Signals 32 and 33 as bits of the first word of a Linux sigset_t (signal n is bit n - 1). */
    private static final long GLIBC_INTERNAL_SIGNALS = 1L << 31 | 1L << 32;

    private static final MethodHandle ACCESS = Libc.errnoCall("access", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SPAWN = Libc.plainCall("posix_spawn",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle ACTIONS_INIT = pointerCall("posix_spawn_file_actions_init");
    private static final MethodHandle ACTIONS_DESTROY = pointerCall("posix_spawn_file_actions_destroy");
    private static final MethodHandle ADD_DUP2 = Libc.plainCall("posix_spawn_file_actions_adddup2",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle ADD_OPEN = Libc.plainCall("posix_spawn_file_actions_addopen",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle ADD_CHDIR = Libc.plainCall("posix_spawn_file_actions_addchdir_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle ADD_CLOSEFROM = Libc.plainCall("posix_spawn_file_actions_addclosefrom_np",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle ATTR_INIT = pointerCall("posix_spawnattr_init");
    private static final MethodHandle ATTR_DESTROY = pointerCall("posix_spawnattr_destroy");
    private static final MethodHandle SET_FLAGS = Libc.plainCall("posix_spawnattr_setflags",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_SHORT));
    private static final MethodHandle SET_SIGDEFAULT = pointerPairCall("posix_spawnattr_setsigdefault");
    private static final MethodHandle SET_SIGMASK = pointerPairCall("posix_spawnattr_setsigmask");
    private static final MethodHandle SIGFILLSET = pointerCall("sigfillset");
    private static final MethodHandle SIGEMPTYSET = pointerCall("sigemptyset");

    private static MethodHandle pointerCall(String name) {
        return Libc.plainCall(name, FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }

    private static MethodHandle pointerPairCall(String name) {
        return Libc.plainCall(name, FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    /**
     * A gated spec starts its gate's shell, which gets the gate's pipe as descriptor 3 (see {@link SpawnGate}).
     * Its program is exec'd only later, so whether that can work is asked first, in the caller's root and mount
     * namespace (the child's): a missing or non-executable program fails the spawn, as it would fail posix_spawn.
     */
    static int spawn(SpawnSpec asked) {
        SpawnSpec spec = asked.gate() == null ? asked : SpawnGate.standIn(asked);
        int gateFd = asked.gate() == null ? -1 : asked.gate().fd();
        if (gateFd >= 0) {
            Libc.call("posix_spawn", List.of(quote(asked.path()), SyscallLog.quoteAll(asked.argv())),
                    (arena, errno) -> (int) ACCESS.invokeExact(errno, arena.allocateFrom(asked.path()), X_OK));
        }
        // a failure names the program asked for, as the log of a spawn does: the gate is jlab's plumbing
        List<String> shown = List.of(quote(asked.path()), SyscallLog.quoteAll(asked.argv()));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment actions = arena.allocate(FILE_ACTIONS_SIZE, ALIGN);
            MemorySegment attr = arena.allocate(ATTR_SIZE, ALIGN);
            check("posix_spawn_file_actions_init", (int) ACTIONS_INIT.invokeExact(actions));
            try {
                check("posix_spawnattr_init", (int) ATTR_INIT.invokeExact(attr));
                try {
                    addStandardStreams(arena, actions, spec);
                    // after 0, 1 and 2 were copied, so it cannot overwrite a source of theirs; dup2(3, 3)
                    // clears close-on-exec (glibc 2.29+), as a copy to another number would
                    if (gateFd >= 0) check("posix_spawn_file_actions_adddup2", (int) ADD_DUP2.invokeExact(actions, gateFd, SpawnGate.FD));
                    check("posix_spawn_file_actions_addchdir_np",
                            (int) ADD_CHDIR.invokeExact(actions, arena.allocateFrom("/")));
                    // Without this the child inherits every descriptor the JVM has open without O_CLOEXEC.
                    check("posix_spawn_file_actions_addclosefrom_np",
                            (int) ADD_CLOSEFROM.invokeExact(actions, gateFd >= 0 ? SpawnGate.FD + 1 : 3));
                    setSignalsAndSession(arena, attr, spec.newSession());
                    MemorySegment pid = arena.allocate(JAVA_INT);
                    int error = (int) SPAWN.invokeExact(pid, arena.allocateFrom(spec.path()), actions, attr,
                            strings(arena, spec.argv()), strings(arena, spec.env()));
                    if (error != 0) throw Libc.failure("posix_spawn", shown, error);
                    return pid.get(JAVA_INT, 0);
                } finally {
                    int ignored = (int) ATTR_DESTROY.invokeExact(attr);
                }
            } finally {
                int ignored = (int) ACTIONS_DESTROY.invokeExact(actions);
            }
        } catch (Throwable t) {
            throw Libc.unexpected("posix_spawn", t);
        }
    }

    /**
     * Each of 0, 1, 2 is a copy of the caller's descriptor, /dev/null as the child's root has it, or the
     * spec's terminal: opened once (so it can become the controlling tty), then copied.
     */
    private static void addStandardStreams(Arena arena, MemorySegment actions, SpawnSpec spec) throws Throwable {
        int[] sources = {spec.stdin(), spec.stdout(), spec.stderr()};
        int terminalAt = -1;
        for (int target = 0; target < sources.length; target++) {
            if (sources[target] == SpawnSpec.DEV_NULL) {
                check("posix_spawn_file_actions_addopen",
                        (int) ADD_OPEN.invokeExact(actions, target, arena.allocateFrom("/dev/null"), O_RDWR, 0));
            } else if (sources[target] == SpawnSpec.TERMINAL && terminalAt < 0) {
                check("posix_spawn_file_actions_addopen",
                        (int) ADD_OPEN.invokeExact(actions, target, arena.allocateFrom(spec.terminal()), O_RDWR, 0));
                terminalAt = target;
            } else {
                int source = sources[target] == SpawnSpec.TERMINAL ? terminalAt : sources[target];
                check("posix_spawn_file_actions_adddup2", (int) ADD_DUP2.invokeExact(actions, source, target));
            }
        }
    }

    /** JVM threads block and handle signals; the child starts with defaults and nothing blocked. */
    private static void setSignalsAndSession(Arena arena, MemorySegment attr, boolean newSession) throws Throwable {
        MemorySegment all = arena.allocate(SIGSET_SIZE, ALIGN);
        MemorySegment none = arena.allocate(SIGSET_SIZE, ALIGN);
        check("sigfillset", (int) SIGFILLSET.invokeExact(all));
        // sigfillset leaves out glibc's internal signals 32 and 33, and for those posix_spawn's child
        // then sets SIG_IGN, which exec keeps: a container's PID 1 would start with them ignored.
        all.set(JAVA_LONG, 0, all.get(JAVA_LONG, 0) | GLIBC_INTERNAL_SIGNALS);
        check("sigemptyset", (int) SIGEMPTYSET.invokeExact(none));
        check("posix_spawnattr_setsigdefault", (int) SET_SIGDEFAULT.invokeExact(attr, all));
        check("posix_spawnattr_setsigmask", (int) SET_SIGMASK.invokeExact(attr, none));
        short flags = (short) (POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | (newSession ? POSIX_SPAWN_SETSID : 0));
        check("posix_spawnattr_setflags", (int) SET_FLAGS.invokeExact(attr, flags));
    }

    /** A NULL-terminated char*[] as execve wants argv and envp. */
    private static MemorySegment strings(Arena arena, List<String> strings) {
        MemorySegment array = arena.allocate(ADDRESS, strings.size() + 1);
        for (int i = 0; i < strings.size(); i++) array.setAtIndex(ADDRESS, i, arena.allocateFrom(strings.get(i)));
        array.setAtIndex(ADDRESS, strings.size(), MemorySegment.NULL);
        return array;
    }

    /** The setup functions return an error number (sigfillset returns -1 and sets errno, on bad input only). */
    private static void check(String call, int result) {
        if (result != 0) throw Libc.failure(call, List.of(), result < 0 ? jlab.kernel.Errno.EINVAL : result);
    }
}
