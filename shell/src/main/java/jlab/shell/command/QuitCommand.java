package jlab.shell.command;

import java.util.List;

final class QuitCommand implements Command {

    @Override public String name() { return "quit"; }

    @Override public List<String> aliases() { return List.of("exit", "q"); }

    @Override public String usage() { return "quit"; }

    @Override public String summary() { return "tear the lab down and leave (also Ctrl-D)"; }

    @Override public String help() {
        return """
                Removes everything the lab created (processes, mounts, namespaces) and leaves.
                  quit""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        context.quit();
    }
}
