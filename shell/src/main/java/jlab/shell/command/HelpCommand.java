package jlab.shell.command;

import java.util.ArrayList;
import java.util.List;

import jlab.shell.ShellException;

final class HelpCommand implements Command {

    @Override public String name() { return "help"; }

    @Override public List<String> aliases() { return List.of("?"); }

    @Override public String usage() { return "help [command]"; }

    @Override public String summary() { return "list the commands, or explain one"; }

    @Override public String help() {
        return """
                Without an argument, lists every command with one line about it.
                With a command name, shows how to use that command, with examples.
                  help          all commands
                  help quiz     how the quiz works""";
    }

    @Override public List<String> complete(int argIndex, CommandContext context) {
        return argIndex == 0 ? context.registry().commands().stream().map(Command::name).toList() : List.of();
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (args.size() > 1) throw new ShellException("usage: " + usage());
        if (args.isEmpty()) {
            listAll(context);
            return;
        }
        Command c = context.registry().find(args.getFirst()).orElseThrow(() -> new ShellException(
                "no command '" + args.getFirst() + "'" + context.registry().suggest(args.getFirst())
                        .map(s -> " (did you mean '" + s + "'?)").orElse("")));
        List<String> lines = new ArrayList<>();
        lines.add(context.style().bold(c.usage()) + "  " + c.summary());
        if (!c.aliases().isEmpty()) lines.add("also: " + String.join(", ", c.aliases()));
        c.help().lines().forEach(l -> lines.add("  " + l));
        context.print(lines);
    }

    private static void listAll(CommandContext context) {
        List<Command> commands = context.registry().commands();
        int w = commands.stream().mapToInt(c -> c.usage().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (Command c : commands) {
            String usage = c.usage() + " ".repeat(w - c.usage().length());
            lines.add("  " + context.style().bold(usage) + "  " + c.summary());
        }
        lines.add("`help <command>` explains one; Tab completes; Ctrl-C stops a running command.");
        context.print(lines);
    }
}
