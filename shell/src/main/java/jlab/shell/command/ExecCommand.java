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
                Quotes work as in a shell; there are no pipes, redirections (> >>) or
                variables: the program runs without a shell (use sh -c for those).
                  ! hostname lab
                  exec ps
                  ! sh -c 'echo $$'""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (args.isEmpty()) throw new ShellException("usage: " + usage() + ", e.g. `! ps`");
        placeholder(args).ifPresent(p -> {
            throw new ShellException("`" + p + "` stands for a value of your session: type the value in its place"
                    + (p.equals("<subnet>") ? " (`show net` gives the subnet)" : ""));
        });
        shellSyntax(args).ifPresent(word -> {
            throw new ShellException("`" + word + "` is shell syntax, and `!` runs the program without a shell: type `! sh -c "
                    + jlab.lab.ShellQuoting.quote(String.join(" ", args)) + "`");
        });
        LabSession s = context.session();
        CheckReport before = context.lastChecks();
        PrintWriter out = context.out();
        ExecOutcome outcome;
        // Ctrl-C goes to the command (SIGINT inside the sandbox), not to jlab, until it ends
        Console.InterruptScope forwarding = context.console().onInterrupt(s::interrupt);
        try {
            StepRenderer live = context.render();
            outcome = s.exec(List.copyOf(args), line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            }, call -> { // the spawn before the program's output, as it happened
                synchronized (out) {
                    live.syscalls(List.of(call)).forEach(out::println);
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

    /** How hints write what differs per session: {@code <subnet>.2}. */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("<[a-z][a-z-]*>");

    private static final java.util.regex.Pattern OPERATOR =
            java.util.regex.Pattern.compile("[0-9]?(>>?|<)(&[0-9])?\\S*|\\||\\|\\||&&|;|&|\\S*\\$[A-Za-z_{(]\\S*|\\S*`\\S*");

    /** A placeholder copied from a hint, {@code <subnet>}, if any. */
    static java.util.Optional<String> placeholder(List<String> args) {
        return args.stream().map(PLACEHOLDER::matcher).filter(java.util.regex.Matcher::find).findFirst()
                .map(java.util.regex.Matcher::group);
    }

    /**
     * The first word a shell would have taken as syntax (a redirection, pipe, list, variable or substitution), if
     * any. A word with blanks in it was quoted whole, e.g. the script of {@code sh -c '…'}: it is left alone.
     */
    static java.util.Optional<String> shellSyntax(List<String> args) {
        return args.stream().skip(1).filter(w -> OPERATOR.matcher(w).matches()).findFirst();
    }

    /**
     * Shows the checks when the task's state flipped: green ("task done") or back to red; while it stays red, one
     * line says how far it is.
     */
    static void report(CommandContext context, StepRenderer render, CheckReport before, CheckReport after) {
        if (after == null || after.results().isEmpty()) return;
        context.rememberChecks(after);
        if (after.passed() != before.passed()) {
            context.print(render.checks(after));
        } else if (!after.passed()) {
            long passing = after.results().stream().filter(LabSession.CheckResult::passed).count();
            context.println(context.style().dim("  task not done yet: " + passing + " of " + after.results().size()
                    + " checks pass " + context.style().dash() + " `check` shows which"));
        }
    }
}
