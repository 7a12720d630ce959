package jlab.shell.command;

import java.util.List;

import jlab.shell.ShellException;

final class SolveCommand implements Command {

    @Override public String name() { return "solve"; }

    @Override public String usage() { return "solve"; }

    @Override public String summary() { return "let jlab do the task, and show how"; }

    @Override public String help() {
        return """
                Performs the step's solution (the syscalls are shown) and checks it.
                  solve""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) throw new ShellException("usage: " + usage());
        if (!context.session().currentStep().hasTask()) {
            throw new ShellException("this step has no task to solve");
        }
        context.show(context.session().solve());
    }
}
