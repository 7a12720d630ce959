package jlab.shell.command;

import java.io.PrintWriter;
import java.util.List;

import jlab.engine.LabSession;
import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.StepOutcome;
import jlab.shell.Console;
import jlab.shell.Labs;
import jlab.shell.ShellException;
import jlab.shell.StepRenderer;
import jlab.shell.Style;

/**
 * What commands share: the console, the labs, the running lab session (at most one) and what its
 * checks said last, so that {@code exec} can tell when a command turned the task green.
 */
public final class CommandContext {

    private final Console console;
    private final Labs labs;
    private final CommandRegistry registry;
    private LabSession session;
    private CheckReport lastChecks = CheckReport.NONE;
    private boolean quit;

    private final java.util.function.Consumer<String> shell;

    /** {@code shell} runs a command line as the prompt would ({@link #execute}). */
    public CommandContext(Console console, Labs labs, CommandRegistry registry, java.util.function.Consumer<String> shell) {
        this.console = console;
        this.labs = labs;
        this.registry = registry;
        this.shell = shell;
    }

    /** Runs {@code line} as if typed at the prompt: e.g. a quiz's {@code show pids} while a question waits. */
    public void execute(String line) {
        shell.accept(line);
    }

    public Console console() { return console; }

    public PrintWriter out() { return console.out(); }

    public Style style() { return console.style(); }

    /** A renderer for the terminal's current width. */
    public StepRenderer render() { return StepRenderer.of(console); }

    public Labs labs() { return labs; }

    public CommandRegistry registry() { return registry; }

    public synchronized boolean hasSession() { return session != null; }

    /** The running lab, or a learner-facing error when none was started. */
    public synchronized LabSession session() {
        if (session == null) {
            String example = labs.list().stream().findFirst().map(Labs.LabSummary::id).orElse("<lab>");
            throw new ShellException("no lab started " + style().dash() + " try `start " + example + "`");
        }
        return session;
    }

    /** Makes {@code next} the running lab, tearing down the one before. */
    public void open(LabSession next) {
        closeSession();
        synchronized (this) {
            session = next;
            lastChecks = CheckReport.NONE;
        }
    }

    /** Tears the running lab down, if any; safe to call from a shutdown hook and more than once. */
    public void closeSession() {
        LabSession closing;
        synchronized (this) {
            closing = session;
            session = null;
        }
        if (closing != null) closing.close();
    }

    public synchronized CheckReport lastChecks() { return lastChecks; }

    public synchronized void rememberChecks(CheckReport checks) { lastChecks = checks; }

    /** Prints a step outcome and remembers its check state. */
    public void show(StepOutcome outcome) {
        LabSession s = session();
        rememberChecks(outcome.checks());
        print(render().outcome(outcome, s.stepCount(), quizSize(s, outcome.step())));
        if (outcome.step().number() == s.stepCount() && !s.endQuiz().isEmpty()) println(endQuizLine(s));
    }

    /** At the last step: the end-of-lab quiz is waiting. */
    String endQuizLine(LabSession s) {
        int n = s.endQuiz().size();
        return style().cyan("the last step: the end-of-lab quiz has " + n + " question" + (n == 1 ? "" : "s")
                + " " + style().dash() + " type `quiz end`");
    }

    /**
     * Moves onto step {@code index} and shows it, asking the step's predictions first; false when the learner
     * backed out of them (nothing moved).
     */
    public boolean goTo(int index) {
        LabSession s = session();
        var predictions = s.predictions(index);
        if (!predictions.isEmpty() && !PredictionPrompt.ask(this, s, index, predictions)) return false;
        show(s.goTo(index));
        return true;
    }

    static int quizSize(LabSession s, LabSession.StepView step) {
        return step.hasQuiz() ? s.quiz().size() : 0;
    }

    public void print(List<String> lines) {
        PrintWriter out = out();
        lines.forEach(out::println);
        out.flush();
    }

    public void println(String line) {
        out().println(line);
        out().flush();
    }

    public void quit() { quit = true; }

    public boolean quitRequested() { return quit; }
}
