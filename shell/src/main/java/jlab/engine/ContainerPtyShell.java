package jlab.engine;

import java.util.List;
import java.util.function.Supplier;

import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.ExecOutcome;
import jlab.kernel.WaitStatus;
import jlab.kernel.WindowSize;
import jlab.sandbox.ContainerShell;

/** The sandbox's shell on a pty as the session hands it to the shell; finishing it re-checks the task. */
final class ContainerPtyShell implements LabSession.PtyShell {
    private final ContainerShell shell;
    private final Supplier<List<String>> syscalls;
    private final Supplier<CheckReport> checks;

    ContainerPtyShell(ContainerShell shell, Supplier<List<String>> syscalls, Supplier<CheckReport> checks) {
        this.shell = shell;
        this.syscalls = syscalls;
        this.checks = checks;
    }

    @Override public String tty() { return shell.tty(); }

    @Override public int read(byte[] buffer, int timeoutMillis) { return shell.read(buffer, timeoutMillis); }

    @Override public void write(byte[] bytes, int offset, int length) { shell.write(bytes, offset, length); }

    @Override public void resize(int rows, int columns) { shell.resize(new WindowSize(rows, columns)); }

    @Override public ExecOutcome finish() {
        WaitStatus status = shell.end();
        shell.close();
        int code = switch (status) {
            case WaitStatus.Exited e -> e.code();
            case WaitStatus.Signaled s -> 128 + s.signal();
            default -> -1;
        };
        return new ExecOutcome(status.describe(), code, syscalls.get(), checks.get());
    }
}
