package jlab.shell.command;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jlab.engine.LabSession;
import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.ExecOutcome;
import jlab.engine.LabSession.PtyShell;
import jlab.shell.Console.RawTerminal;
import jlab.shell.ShellException;
import jlab.shell.StepRenderer;

/**
 * {@code sh}: the learner's terminal joined to a shell inside the container. The shell has a pty of its
 * own; jlab copies keys to its master and its output back on two host threads (this one and a key
 * reader), never on the container's thread, with the learner's terminal in raw mode so that ^C, ^Z and
 * ^D are bytes for the inner terminal to turn into signals or end of input, not signals for jlab.
 */
final class ShCommand implements Command {
    /** How long each side waits before looking again whether the other has finished. */
    private static final int POLL_MILLIS = 100;

    @Override public String name() { return "sh"; }

    @Override public String usage() { return "sh"; }

    @Override public String summary() { return "open an interactive shell inside the lab's container"; }

    @Override public String help() {
        return """
                Opens busybox's sh inside the container on a terminal of its own (a pty of the
                container's devpts): job control works, Ctrl-C and Ctrl-Z go to what runs
                inside, and the window size follows yours. `exit` or Ctrl-D comes back to jlab,
                which then checks the task as after `exec`. Needs a real terminal.
                  sh
                  (inside)  hostname; ps; sleep 30 and Ctrl-C; stty size; exit""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) throw new ShellException("usage: sh (no arguments " + context.style().dash() + " `! sh -c '...'` runs a script)");
        LabSession s = context.session();
        CheckReport before = context.lastChecks();
        RawTerminal terminal = context.console().rawTerminal().orElseThrow(() -> new ShellException(
                "`sh` needs a real terminal and this console is not one " + context.style().dash() + " use `exec <command>` instead"));
        ExecOutcome outcome;
        StepRenderer render = context.render();
        int shown;
        try (terminal) {
            int mark = s.syscalls().size();
            PtyShell shell = s.openShell(terminal.type(), terminal.rows(), terminal.columns());
            // what opening it took (devpts, the pty, the spawn), before the shell's prompt, as it happened
            List<String> opening = s.syscalls();
            opening = opening.subList(Math.min(mark, opening.size()), opening.size());
            shown = opening.size();
            for (String line : render.syscalls(opening)) say(terminal, line + "\r\n");
            try {
                say(terminal, context.style().dim("[a shell inside the container on " + shell.tty()
                        + "; exit or Ctrl-D returns to jlab]") + "\r\n");
                pump(terminal, shell);
            } finally {
                terminal.close(); // first: no resize may reach the shell once it is finished
                outcome = shell.finish();
            }
        }
        List<String> after = outcome.syscalls(); // from the opening on: those shown already are not shown again
        context.print(render.syscalls(after.subList(Math.min(shown, after.size()), after.size())));
        String status = "(sh: " + outcome.status() + ")";
        context.println(outcome.exitCode() == 0 ? context.style().dim(status) : context.style().red(status));
        ExecCommand.report(context, render, before, outcome.checks());
    }

    /** Copies bytes both ways until the shell has ended (or the learner's terminal is gone). */
    private static void pump(RawTerminal terminal, PtyShell shell) {
        AtomicBoolean over = new AtomicBoolean();
        AtomicBoolean keysGone = new AtomicBoolean();
        terminal.onResize(() -> {
            try {
                shell.resize(terminal.rows(), terminal.columns());
            } catch (RuntimeException e) {
                // the shell has just ended; the next size goes nowhere
            }
        });
        Thread keys = Thread.ofPlatform().name("jlab-sh-keys").daemon(true).start(() -> {
            byte[] buffer = new byte[1024];
            try {
                while (!over.get()) {
                    int n = terminal.read(buffer, POLL_MILLIS);
                    if (n < 0) break;
                    if (n > 0) shell.write(buffer, 0, n);
                }
            } finally {
                keysGone.set(true);
            }
        });
        try {
            byte[] buffer = new byte[8192];
            int n;
            while (!keysGone.get() && (n = shell.read(buffer, POLL_MILLIS)) >= 0) {
                if (n > 0) terminal.write(buffer, 0, n);
            }
        } finally {
            over.set(true);
            joinUninterruptibly(keys);
        }
    }

    private static void say(RawTerminal terminal, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        terminal.write(bytes, 0, bytes.length);
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
