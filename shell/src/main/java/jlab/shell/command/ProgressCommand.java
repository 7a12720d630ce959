package jlab.shell.command;

import java.time.ZoneId;
import java.util.List;

import jlab.shell.ProgressTable;
import jlab.shell.ShellException;

final class ProgressCommand implements Command {

    @Override public String name() { return "progress"; }

    @Override public String usage() { return "progress"; }

    @Override public String summary() { return "your progress across the labs"; }

    @Override public String help() {
        return """
                One row per lab you have started: the step you are at, tasks done, quiz
                score, time spent and when you were last there. Progress is saved as you go
                (in ~/.local/state/jlab), and `start <lab>` resumes where you left off.
                  progress""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) throw new ShellException("usage: " + usage());
        if (context.hasSession()) context.session().saveProgress();
        context.print(ProgressTable.render(context.labs().progress().all(), context.style(), ZoneId.systemDefault()));
    }
}
