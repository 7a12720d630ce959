package jlab.shell;

import java.io.PrintWriter;
import java.util.List;

import jlab.engine.LabSession;
import jlab.shell.command.Command;
import jlab.shell.command.CommandContext;
import jlab.shell.command.CommandRegistry;

/**
 * The REPL: reads a line, splits it like a shell, runs the command. A failing command costs one line
 * of explanation, never the session; the lab is torn down on {@code quit}, Ctrl-D, and when the JVM is
 * asked to stop (SIGTERM, SIGHUP, or SIGINT where no terminal catches it) through a shutdown hook.
 */
public final class Shell {

    private final Console console;
    private final CommandRegistry registry;
    private final CommandContext context;
    private final boolean debug;

    public Shell(Console console, Labs labs) {
        this(console, labs, CommandRegistry.standard(), "1".equals(System.getenv("JLAB_DEBUG")));
    }

    /** {@code debug}: print the stack trace of a failing command (JLAB_DEBUG=1). */
    public Shell(Console console, Labs labs, CommandRegistry registry, boolean debug) {
        this.console = console;
        this.registry = registry;
        this.context = new CommandContext(console, labs, registry, this::execute);
        this.debug = debug;
        console.completeWith(words -> registry.complete(words, context));
    }

    /**
     * Runs {@code initialCommands} (e.g. {@code ["start namespaces"]} from {@code jlab start namespaces}),
     * then prompts until {@code quit} or end of input. The lab is closed before this returns.
     */
    public void run(List<String> initialCommands) {
        Thread hook = new Thread(context::closeSession, "jlab-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            for (String line : initialCommands) {
                execute(line);
                if (context.quitRequested()) return;
            }
            loop();
        } finally {
            context.closeSession();
            removeHook(hook);
        }
    }

    private void loop() {
        while (!context.quitRequested()) {
            String line;
            try {
                line = console.readLine(prompt());
            } catch (Console.Interrupted e) {
                continue;
            }
            if (line == null) {
                console.out().println();
                return;
            }
            execute(line);
        }
    }

    /** Runs one command line; mistakes and failures are reported to the learner, never thrown. */
    public void execute(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty()) return;
        if (trimmed.startsWith("!")) trimmed = "exec " + trimmed.substring(1);
        try {
            List<String> words = ShellWords.split(trimmed);
            if (words.isEmpty()) return;
            String name = words.getFirst();
            Command command = registry.find(name).orElse(null);
            if (command == null) {
                unknown(name);
                return;
            }
            command.run(words.subList(1, words.size()), context);
        } catch (ShellException e) {
            error(e.getMessage(), e);
        } catch (RuntimeException | LinkageError | AssertionError e) {
            error(e.getMessage() == null
                    ? "internal error (" + e.getClass().getSimpleName() + ")"
                    + (debug ? "" : " " + context.style().dash() + " JLAB_DEBUG=1 shows the details")
                    : e.getMessage(), e);
        } finally {
            console.out().flush();
        }
    }

    private void unknown(String name) {
        String message = "unknown command '" + name + "'" + registry.suggest(name)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElse(" " + context.style().dash() + " `help` lists the commands");
        error(message, null);
    }

    private void error(String message, Throwable cause) {
        PrintWriter out = console.out();
        out.println(context.style().red(message.lines().findFirst().orElse("")));
        if (debug && cause != null) cause.printStackTrace(out);
        out.flush();
    }

    /** {@code jlab > } without a lab, {@code namespaces 3/9 > } inside one. */
    public String prompt() {
        Style style = context.style();
        if (!context.hasSession()) return style.bold("jlab") + " > ";
        LabSession s = context.session();
        return style.cyan(s.labId()) + " " + style.dim((s.stepIndex() + 1) + "/" + s.stepCount()) + " > ";
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping and the hook runs anyway; closeSession is idempotent
        }
    }
}
