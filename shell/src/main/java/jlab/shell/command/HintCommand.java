package jlab.shell.command;

import java.util.List;

import jlab.shell.ShellException;

final class HintCommand implements Command {

    @Override public String name() { return "hint"; }

    @Override public String usage() { return "hint"; }

    @Override public String summary() { return "a hint for the task (ask again for a stronger one)"; }

    @Override public String help() {
        return """
                Each `hint` tells a little more than the one before; the last one
                usually gives the command away. `solve` does the task for you.
                  hint""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) throw new ShellException("usage: " + usage());
        String hint = context.session().hint();
        if (hint == null || hint.isBlank()) {
            context.println("no hint for this step");
            return;
        }
        context.print(context.render().markdown().lines("**hint:** " + hint));
    }
}
