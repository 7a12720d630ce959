package jlab.shell.command;

import java.util.List;
import java.util.stream.IntStream;

import jlab.engine.LabSession;
import jlab.shell.ShellException;

final class StepCommand implements Command {

    @Override public String name() { return "step"; }

    @Override public String usage() { return "step [n]"; }

    @Override public String summary() { return "show the current step again, or go to step n"; }

    @Override public String help() {
        return """
                Without a number, shows the current step's text and task again.
                With a number, goes to that step, performing the steps in between that
                have not run yet.
                  step
                  step 3""";
    }

    @Override public List<String> complete(int argIndex, CommandContext context) {
        if (argIndex != 0 || !context.hasSession()) return List.of();
        return IntStream.rangeClosed(1, context.session().stepCount()).mapToObj(String::valueOf).toList();
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (args.size() > 1) throw new ShellException("usage: " + usage());
        LabSession s = context.session();
        if (args.isEmpty()) {
            LabSession.StepView view = s.currentStep();
            context.print(context.render().step(view, s.stepCount(), context.lastChecks(),
                    CommandContext.quizSize(s, view)));
            return;
        }
        int n;
        try {
            n = Integer.parseInt(args.getFirst());
        } catch (NumberFormatException e) {
            throw new ShellException("'" + args.getFirst() + "' is not a step number (1-" + s.stepCount() + ")");
        }
        if (n < 1 || n > s.stepCount()) throw new ShellException("there is no step " + n + " (1-" + s.stepCount() + ")");
        context.goTo(n - 1);
    }
}
