package jlab.shell.command;

import java.util.List;

import jlab.engine.LabSession;
import jlab.engine.LabSession.CheckReport;
import jlab.shell.ShellException;

final class CheckCommand implements Command {

    @Override public String name() { return "check"; }

    @Override public String usage() { return "check"; }

    @Override public String summary() { return "check the task against the live kernel"; }

    @Override public String help() {
        return """
                Looks at the real kernel state (hostname, namespaces, mounts, processes) and
                tells you which conditions of the task hold.
                  check""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) throw new ShellException("usage: " + usage());
        LabSession s = context.session();
        if (!s.currentStep().hasTask()) {
            context.println("this step has no task " + context.style().dash() + " `next` when you are ready");
            return;
        }
        CheckReport report = s.check();
        context.rememberChecks(report);
        context.print(context.render().checks(report));
        if (!report.passed()) context.println(context.style().dim("  not yet " + context.style().dash() + " `hint` helps"));
    }
}
