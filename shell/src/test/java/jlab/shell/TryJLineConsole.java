package jlab.shell;

import java.util.List;

import jlab.shell.command.CommandRegistry;

/**
 * Not a test: the shell on the real terminal against the fake lab, to try Ctrl-C, Tab completion and
 * colours by hand (or in tmux): java -cp target/classes:target/test-classes:… jlab.shell.TryJLineConsole
 * Prints the time to the first prompt on stderr.
 */
public final class TryJLineConsole {

    private TryJLineConsole() {}

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        try (JLineConsole console = JLineConsole.open()) {
            System.err.printf("console ready in %d ms (color=%s unicode=%s width=%d)%n",
                    (System.nanoTime() - t0) / 1_000_000, console.color(), console.unicode(), console.width());
            new Shell(console, new FakeLabs(null), CommandRegistry.standard(), false).run(List.of(args));
        }
    }
}
