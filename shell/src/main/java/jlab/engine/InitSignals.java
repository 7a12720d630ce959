package jlab.engine;

import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

import jlab.kernel.Signal;
import jlab.lab.Action;
import jlab.lab.ShellQuoting;
import jlab.sandbox.Sandbox;
import jlab.sandbox.SandboxException;

/**
 * The {@code signal} action: a signal to the container's init from inside its pid namespace (kill(1) run in
 * the container) or from the host (kill(2) by jlab), then a short wait to say whether init survived it.
 */
final class InitSignals {
    /** How long a killed init may take to be gone before jlab reports that it survived. */
    private static final long SETTLE_NANOS = 300_000_000L, POLL_NANOS = 5_000_000L;

    private final Sandbox sandbox;

    InitSignals(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void send(Action.SendSignal action, Consumer<String> output, List<String> notes) {
        Signal signal = action.kernelSignal()
                .orElseThrow(() -> new SandboxException("unknown signal '" + action.signal() + "'"));
        if (!sandbox.initRunning()) throw new SandboxException("the container's init is not running");
        String shortName = signal.name().substring("SIG".length());
        if (action.from() == Action.SendSignal.From.HOST) {
            sandbox.signalInit(signal);
        } else {
            List<String> argv = List.of("kill", "-" + shortName, "1");
            output.accept("$ " + ShellQuoting.join(argv));
            var result = sandbox.commands().run(argv, output, ActionRunner.EXEC_TIMEOUT_MILLIS);
            output.accept("(exit status " + result.exitCode() + ")");
        }
        boolean survived = awaitSurvival();
        String from = action.from() == Action.SendSignal.From.HOST ? "from the host" : "from inside the container";
        notes.add(survived
                ? signal.name() + " " + from + ": PID 1 is still running (a namespace's init gets only the signals it"
                        + " has a handler for, unless SIGKILL or SIGSTOP comes from an ancestor namespace)"
                : signal.name() + " " + from + ": PID 1 is gone, and the kernel killed every process of its pid namespace");
    }

    private boolean awaitSurvival() {
        long deadline = System.nanoTime() + SETTLE_NANOS;
        while (System.nanoTime() < deadline) {
            if (!sandbox.initRunning()) return false;
            LockSupport.parkNanos(POLL_NANOS);
        }
        return sandbox.initRunning();
    }
}
