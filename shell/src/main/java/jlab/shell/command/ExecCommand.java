package jlab.shell.command;

import java.io.PrintWriter;
import java.util.List;

import jlab.engine.LabSession;
import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.ExecOutcome;
import jlab.shell.Console;
import jlab.shell.ShellException;
import jlab.shell.StepRenderer;

final class ExecCommand implements Command {

    @Override public String name() { return "exec"; }

    @Override public List<String> aliases() { return List.of("!"); }

    @Override public String usage() { return "exec <command…>"; }

    @Override public String summary() { return "run a command inside the lab's container (also `! cmd`)"; }

    @Override public String help() {
        return """
                Runs a program inside the sandbox (its namespaces and root file system) and
                shows its output as it comes, then how it ended. Ctrl-C stops it.
                Quotes work as in a shell; there are no pipes or variables (use sh -c).
                  ! hostname lab
                  exec ps
                  ! sh -c 'echo $$'""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (args.isEmpty()) throw new ShellException("usage: " + usage() + ", e.g. `! ps`");
        LabSession s = context.session();
        CheckReport before = context.lastChecks();
        PrintWriter out = context.out();
        ExecOutcome outcome;
        // Ctrl-C goes to the command (SIGINT inside the sandbox), not to jlab, until it ends
        Console.InterruptScope forwarding = context.console().onInterrupt(s::interrupt);
        try {
            outcome = s.exec(List.copyOf(args), line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
        } finally {
            forwarding.close();
        }
        StepRenderer render = context.render();
        context.print(render.syscalls(outcome.syscalls()));
        String status = "(" + outcome.status() + ")";
        context.println(outcome.exitCode() == 0 ? context.style().dim(status) : context.style().red(status));
        report(context, render, before, outcome.checks());
    }

    /** Shows the checks only when the task's state flipped: green ("task done") or back to red. */
    static void report(CommandContext context, StepRenderer render, CheckReport before, CheckReport after) {
        if (after == null || after.results().isEmpty()) return;
        context.rememberChecks(after);
        if (after.passed() != before.passed()) context.print(render.checks(after));
    }
}
