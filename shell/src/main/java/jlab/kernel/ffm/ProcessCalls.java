package jlab.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

import jlab.kernel.Signal;
import jlab.kernel.WaitStatus;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** Identity, signals, waiting and prctl for processes: linked the first time one is used. */
final class ProcessCalls {
    private ProcessCalls() {}

    private static final int WNOHANG = 1;
    private static final int PR_CAPBSET_DROP = 24, PR_SET_CHILD_SUBREAPER = 36, PR_SET_NO_NEW_PRIVS = 38;

    private static final MethodHandle WAITPID =
            Libc.errnoCall("waitpid", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle KILL =
            Libc.errnoCall("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle PRCTL = Libc.errnoCall("prctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));

    static WaitStatus waitpid(int pid, boolean noHang) {
        int[] status = new int[1];
        int options = noHang ? WNOHANG : 0;
        int reaped = (int) Libc.callRetryingEintr("waitpid", List.of(String.valueOf(pid), noHang ? "WNOHANG" : "0"),
                (arena, errno) -> {
                    MemorySegment word = arena.allocate(JAVA_INT);
                    int result = (int) WAITPID.invokeExact(errno, pid, word, options);
                    status[0] = word.get(JAVA_INT, 0);
                    return result;
                });
        return reaped == 0 ? new WaitStatus.StillRunning(pid) : WaitStatus.decode(reaped, status[0]);
    }

    static void kill(int pid, Signal signal) {
        int number = signal.number();
        Libc.call("kill", List.of(String.valueOf(pid), signal.name()),
                (arena, errno) -> (int) KILL.invokeExact(errno, pid, number));
    }

    static int pidfdOpen(int pid) {
        return (int) Libc.call("pidfd_open", List.of(String.valueOf(pid), "0"),
                (arena, errno) -> RawSyscall.invoke(errno, RawSyscall.PIDFD_OPEN, pid, 0, 0, 0, 0));
    }

    static void pidfdSendSignal(int pidfd, Signal signal) {
        Libc.call("pidfd_send_signal", List.of(String.valueOf(pidfd), signal.name(), "NULL", "0"),
                (arena, errno) -> RawSyscall.invoke(errno, RawSyscall.PIDFD_SEND_SIGNAL, pidfd, signal.number(), 0, 0, 0));
    }

    static void setChildSubreaper(boolean on) {
        prctl("PR_SET_CHILD_SUBREAPER", PR_SET_CHILD_SUBREAPER, on ? 1 : 0);
    }

    static void dropBoundingCapability(int capability) {
        prctl("PR_CAPBSET_DROP", PR_CAPBSET_DROP, capability);
    }

    static void setNoNewPrivs() {
        prctl("PR_SET_NO_NEW_PRIVS", PR_SET_NO_NEW_PRIVS, 1);
    }

    private static void prctl(String optionName, int option, long arg) {
        Libc.call("prctl", List.of(optionName, String.valueOf(arg)),
                (arena, errno) -> (int) PRCTL.invokeExact(errno, option, arg, 0L, 0L, 0L));
    }
}
