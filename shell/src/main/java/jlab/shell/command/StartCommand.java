package jlab.shell.command;

import java.util.List;

import jlab.engine.LabSession;
import jlab.shell.Labs.LabSummary;
import jlab.shell.ShellException;

final class StartCommand implements Command {

    @Override public String name() { return "start"; }

    @Override public String usage() { return "start <lab>"; }

    @Override public String summary() { return "start a lab and show its first step"; }

    @Override public String help() {
        return """
                Builds the lab's sandbox and shows step 1, or resumes where you left off
                (your progress is saved as you go). A lab already running is torn down first.
                `list` shows the labs.
                  start namespaces""";
    }

    @Override public List<String> complete(int argIndex, CommandContext context) {
        return argIndex == 0 ? context.labs().list().stream().map(LabSummary::id).toList() : List.of();
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (args.size() != 1) throw new ShellException("usage: " + usage() + " " + context.style().dash() + " `list` shows the labs");
        LabSession session = context.labs().start(args.getFirst());
        context.open(session);
        context.println(context.style().bold(session.labTitle())
                + context.style().dim(" (" + session.stepCount() + " steps)"));
        var saved = session.saved();
        if (saved.isEmpty()) {
            // There is no step to stay at before the first: backing out of its predictions only skips them.
            if (!context.goTo(0)) context.show(session.goTo(0));
            return;
        }
        var at = saved.get();
        context.println("Resuming at step " + (at.stepIndex() + 1) + " of " + session.stepCount() + " (" + at.tasksDone()
                + " task" + (at.tasksDone() == 1 ? "" : "s") + " done). `reset --progress` starts over.");
        context.show(session.resume());
    }
}
