package jlab.shell.command;

import java.util.List;

import jlab.shell.ShellException;

final class ResetCommand implements Command {

    @Override public String name() { return "reset"; }

    @Override public String usage() { return "reset"; }

    @Override public String summary() { return "rebuild the sandbox up to the current step"; }

    @Override public String help() {
        return """
                Tears the sandbox down and replays the lab's steps up to the current one:
                the way back when an experiment left things in a state you did not want.
                  reset""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) throw new ShellException("usage: " + usage());
        context.show(context.session().reset());
    }
}
