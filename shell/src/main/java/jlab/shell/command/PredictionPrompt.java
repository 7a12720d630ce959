package jlab.shell.command;

import java.util.ArrayList;
import java.util.List;

import jlab.engine.LabSession;
import jlab.engine.LabSession.QuestionView;
import jlab.shell.Console;
import jlab.shell.Style;

/**
 * Asks a step's predictions before the step runs: the learner commits to a number, then the kernel answers.
 * `skip` leaves one unpredicted (the measurement is still shown); Ctrl-C, Ctrl-D or `quit` stays on the current
 * step.
 */
final class PredictionPrompt {
    private PredictionPrompt() {}

    /** Asks each of {@code predictions} of step {@code target} (0-based); false when the learner backed out. */
    static boolean ask(CommandContext context, LabSession s, int target, List<QuestionView> predictions) {
        Style style = context.style();
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(style.bold("Before step " + (target + 1) + " runs, predict")
                + style.dim(" (jlab runs the step, measures, and grades your number; `skip` to just watch)"));
        context.print(lines);
        for (QuestionView q : predictions) {
            context.print(context.render().markdown().lines("**?** " + q.ask()));
            String answer = read(context, s, q);
            if (answer == null) {
                context.println(style.dim(target == 0 && s.stepIndex() == 0 ? "  not predicted"
                        : "  stayed at step " + (s.stepIndex() + 1) + "; nothing ran"));
                return false;
            }
            s.predict(q, answer.equalsIgnoreCase("skip") ? null : answer);
        }
        context.println(style.dim("  running step " + (target + 1) + " and measuring..."));
        return true;
    }

    /** A number, `skip`, or null when the learner backed out. */
    private static String read(CommandContext context, LabSession s, QuestionView q) {
        Console console = context.console();
        while (true) {
            String typed;
            try {
                typed = console.readLine("  predict> ");
            } catch (Console.Interrupted e) {
                return null;
            }
            if (typed == null) return null;
            typed = typed.strip();
            if (typed.isEmpty()) continue;
            if (typed.equalsIgnoreCase("quit") || typed.equalsIgnoreCase("exit")) return null;
            if (typed.equalsIgnoreCase("skip")) return typed;
            if (typed.equalsIgnoreCase("hint")) {
                QuizCommand.showHint(context, s.hint(q), "this prediction has no hints");
                continue;
            }
            if (jlab.lab.NumberAnswer.parse(typed).isPresent()) return typed;
            if (QuizCommand.looks(typed)) {
                context.println("  predict first: the step has not run yet (`show` and `!` work at the prompt once it has)");
                continue;
            }
            context.println("  a prediction is a number (or `skip`)");
        }
    }
}
