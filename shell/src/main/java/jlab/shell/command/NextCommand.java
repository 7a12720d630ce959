package jlab.shell.command;

import java.util.List;

import jlab.engine.LabSession;
import jlab.shell.ShellException;

final class NextCommand implements Command {

    @Override public String name() { return "next"; }

    @Override public List<String> aliases() { return List.of("n"); }

    @Override public String usage() { return "next"; }

    @Override public String summary() { return "go to the next step"; }

    @Override public String help() {
        return """
                Moves on to the next step; the first time you reach a step, jlab performs its
                kernel operations and shows what changed. You may move on without doing a task.
                  next""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) throw new ShellException("usage: " + usage());
        LabSession s = context.session();
        if (s.stepIndex() + 1 >= s.stepCount()) {
            throw new ShellException("this is the last step " + context.style().dash()
                    + (s.endQuiz().isEmpty() ? "" : " `quiz end` asks the end-of-lab quiz,")
                    + " `list` shows other labs, `quit` leaves");
        }
        context.goTo(s.stepIndex() + 1);
    }
}
