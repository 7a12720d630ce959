package jlab.shell.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jlab.shell.DidYouMean;

/** The commands by name and alias, in the order {@code help} lists them. */
public final class CommandRegistry {

    private final List<Command> commands;
    private final Map<String, Command> byName = new LinkedHashMap<>();

    public CommandRegistry(List<Command> commands) {
        this.commands = List.copyOf(commands);
        for (Command c : commands) {
            register(c.name(), c);
            c.aliases().forEach(alias -> register(alias, c));
        }
    }

    public static CommandRegistry standard() {
        return new CommandRegistry(List.of(
                new HelpCommand(), new ListCommand(), new StartCommand(),
                new NextCommand(), new BackCommand(), new StepCommand(),
                new CheckCommand(), new HintCommand(), new SolveCommand(), new QuizCommand(),
                new ShowCommand(), new ExecCommand(), new ResetCommand(), new QuitCommand(),
                new CgroupCommand(), new ChartCommand(), new ShCommand(),
                new ProgressCommand(), new ResultsCommand()));
    }

    private void register(String name, Command c) {
        if (byName.putIfAbsent(name, c) != null) throw new IllegalArgumentException("two commands named " + name);
    }

    public List<Command> commands() {
        return commands;
    }

    public Optional<Command> find(String nameOrAlias) {
        return Optional.ofNullable(byName.get(nameOrAlias));
    }

    /** Names and aliases. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<String> suggest(String typo) {
        return DidYouMean.suggest(typo, byName.keySet());
    }

    /** Completion candidates for the last of {@code words} (which may be empty or partial). */
    public List<String> complete(List<String> words, CommandContext context) {
        if (words.size() <= 1) return names();
        return find(words.getFirst())
                .map(c -> c.complete(words.size() - 2, context))
                .orElseGet(ArrayList::new);
    }
}
