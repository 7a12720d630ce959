package jlab.shell.command;

import java.util.List;

import jlab.shell.ShellException;

final class ResetCommand implements Command {

    @Override public String name() { return "reset"; }

    private static final String PROGRESS = "--progress";

    @Override public String usage() { return "reset [--progress]"; }

    @Override public String summary() { return "rebuild the sandbox up to the current step (--progress: start over)"; }

    @Override public String help() {
        return """
                Tears the sandbox down and replays the lab's steps up to the current one:
                the way back when an experiment left things in a state you did not want.
                With --progress, starts the lab over at step 1 and forgets its saved progress.
                  reset
                  reset --progress""";
    }

    @Override public List<String> complete(int argIndex, CommandContext context) {
        return argIndex == 0 ? List.of(PROGRESS) : List.of();
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (args.equals(List.of(PROGRESS))) {
            var session = context.session();
            var outcome = session.restart();
            context.println("Progress in " + session.labId() + " cleared; starting over at step 1.");
            context.show(outcome);
            return;
        }
        if (!args.isEmpty()) throw new ShellException("usage: " + usage());
        context.show(context.session().reset());
    }
}
