package jlab.kernel;

import java.util.Arrays;
import java.util.Optional;

/** The signals the labs use, with their x86_64/aarch64 numbers. */
public enum Signal {
    SIGHUP(1), SIGINT(2), SIGQUIT(3), SIGKILL(9), SIGUSR1(10), SIGSEGV(11), SIGUSR2(12), SIGPIPE(13),
    SIGALRM(14), SIGTERM(15), SIGCHLD(17), SIGCONT(18), SIGSTOP(19), SIGTSTP(20);

    private final int number;

    Signal(int number) { this.number = number; }

    public int number() { return number; }

    public static Optional<Signal> of(int number) {
        return Arrays.stream(values()).filter(s -> s.number == number).findFirst();
    }

    /** {@code SIGTERM} for 15, {@code signal 33} for a number jlab has no name for. */
    public static String describe(int number) {
        return of(number).map(Enum::name).orElse("signal " + number);
    }
}
