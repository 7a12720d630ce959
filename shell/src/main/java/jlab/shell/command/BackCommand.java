package jlab.shell.command;

import java.util.List;

import jlab.engine.LabSession;
import jlab.shell.ShellException;

final class BackCommand implements Command {

    @Override public String name() { return "back"; }

    @Override public List<String> aliases() { return List.of("prev"); }

    @Override public String usage() { return "back"; }

    @Override public String summary() { return "go to the previous step"; }

    @Override public String help() {
        return """
                Shows the previous step again. The kernel state stays as it is: going back
                does not undo what later steps did (use `reset` for a fresh sandbox).
                  back""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) throw new ShellException("usage: " + usage());
        LabSession s = context.session();
        if (s.stepIndex() == 0) throw new ShellException("this is the first step");
        context.goTo(s.stepIndex() - 1);
    }
}
