package jlab.shell.command;

import java.util.List;

/** One shell command. {@code run} reports learner mistakes by throwing {@link jlab.shell.ShellException}. */
public interface Command {

    String name();

    default List<String> aliases() {
        return List.of();
    }

    /** How to call it, e.g. {@code step [n]}. */
    String usage();

    /** One line for {@code help}. */
    String summary();

    /** Several lines for {@code help <command>}, with examples. */
    String help();

    /**
     * Every value the argument at {@code argIndex} (0-based, after the command name) may take; the
     * console filters them by what has been typed so far.
     */
    default List<String> complete(int argIndex, CommandContext context) {
        return List.of();
    }

    void run(List<String> args, CommandContext context);
}
