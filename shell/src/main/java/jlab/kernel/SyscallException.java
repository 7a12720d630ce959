package jlab.kernel;

import java.util.List;

/**
 * A system call that returned -1: which call, its arguments as the learner would write them, the errno
 * and a hint of what to do. {@code mount("proc", "/proc", "proc", 0, NULL) = -1 EPERM (Operation not permitted)}.
 */
public final class SyscallException extends RuntimeException {
    private final String call;
    private final List<String> args;
    private final Errno errno;
    private final String advice;

    public SyscallException(String call, List<String> args, Errno errno) {
        this(call, args, errno, "");
    }

    public SyscallException(String call, List<String> args, Errno errno, String advice) {
        super(call + "(" + String.join(", ", args) + ") = -1 " + errno + (advice.isEmpty() ? "" : " — " + advice),
                null, false, false);
        this.call = call;
        this.args = List.copyOf(args);
        this.errno = errno;
        this.advice = advice;
    }

    public String call() { return call; }

    public List<String> args() { return args; }

    public Errno errno() { return errno; }

    public String advice() { return advice; }

    /** The same failure with advice on what to try next. */
    public SyscallException withAdvice(String newAdvice) {
        return new SyscallException(call, args, errno, newAdvice);
    }
}
