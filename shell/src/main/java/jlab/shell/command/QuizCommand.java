package jlab.shell.command;

import java.util.ArrayList;
import java.util.List;

import jlab.engine.LabSession;
import jlab.engine.LabSession.Grade;
import jlab.engine.LabSession.QuestionKind;
import jlab.engine.LabSession.QuestionView;
import jlab.lab.NumberAnswer;
import jlab.lab.Question;
import jlab.shell.Console;
import jlab.shell.MarkdownRenderer;
import jlab.shell.ShellException;
import jlab.shell.Style;

/**
 * Asks the current step's questions one by one. Answers to choice questions go to the session as the
 * choices' texts (several joined by newlines), whatever the learner typed: "2", "1,3" or the text itself.
 */
final class QuizCommand implements Command {

    private static final String SKIP = "skip";
    private static final String END = "end";

    @Override public String name() { return "quiz"; }

    @Override public String usage() { return "quiz [end]"; }

    @Override public String summary() { return "answer the step's questions (`quiz end`: the end-of-lab quiz)"; }

    @Override public String help() {
        return """
                Asks the step's questions one at a time; `quiz end` asks the end-of-lab quiz,
                questions about the whole lab, and shows your score over the lab.
                  a choice:          type its number or its text     2   or   CLONE_NEWUTS
                  several choices:   numbers separated by commas     1,3
                  an order:          all of them, first to last      3,1,4,2
                  number or text:    type the answer                 4026531836
                `hint` shows the question's next hint (one also comes after a wrong answer),
                `skip` skips a question; `quit`, Ctrl-C or Ctrl-D ends the quiz. Some questions are
                live: jlab grades them against the running kernel when you answer; `show …` or
                `! command` at the answer prompt looks, and the question waits. (A counter that
                moves on is right anywhere between its values when shown and now.) Predictions
                are asked by `next`, before a step runs, and graded against what the kernel
                measures; here they show how they went.""";
    }

    @Override public List<String> complete(int argIndex, CommandContext context) {
        return argIndex == 0 ? List.of(END) : List.of();
    }

    /** Stops the quiz: Ctrl-C or Ctrl-D at the answer prompt. */
    private static final class Stop extends RuntimeException {
        Stop() { super(null, null, false, false); }
    }

    @Override public void run(List<String> args, CommandContext context) {
        boolean end = args.size() == 1 && args.getFirst().equalsIgnoreCase(END);
        if (args.size() > 1 || (args.size() == 1 && !end)) throw new ShellException("usage: " + usage());
        LabSession s = context.session();
        List<QuestionView> questions = end ? s.endQuiz() : s.quiz();
        if (questions.isEmpty()) {
            context.println(end ? "this lab has no end-of-lab quiz" : "this step has no quiz"
                    + (s.endQuiz().isEmpty() ? "" : " " + context.style().dash() + " `quiz end` asks the end-of-lab quiz"));
            return;
        }
        Style style = context.style();
        context.println(style.bold((end ? "end-of-lab quiz: " : "quiz: ") + questions.size() + " question"
                + (questions.size() == 1 ? "" : "s")) + style.dim(" (`hint` for a hint, `skip` skips one, `quit` ends the quiz)"));
        int right = 0;
        int answered = 0;
        try {
            for (int n = 0; n < questions.size(); n++) {
                if (ask(context, s, questions.get(n), n + 1, questions.size())) right++;
                answered++;
            }
        } catch (Stop stop) {
            context.println(style.dim("quiz stopped"));
        }
        context.println(style.bold("score: " + right + "/" + questions.size())
                + (answered < questions.size() ? style.dim(" (" + (questions.size() - answered) + " not answered)") : ""));
        if (end) {
            LabSession.Score lab = s.score();
            context.println(style.bold("the whole lab: " + lab.correct() + "/" + lab.total() + " questions right")
                    + style.dim(" (" + lab.answered() + " answered, " + lab.firstAttempt() + " right at the first attempt"
                    + (lab.predictions() == 0 ? "" : ", " + lab.predictions() + " prediction" + (lab.predictions() == 1 ? "" : "s")
                    + " among them") + ")"));
        }
    }

    /** Asks until right, skipped or out of attempts; true when answered right. */
    private static boolean ask(CommandContext context, LabSession s, QuestionView q, int n, int total) {
        Style style = context.style();
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.addAll(context.render().markdown().lines("**" + n + "/" + total + "** " + q.ask()));
        if (q.settled() != null) {
            lines.addAll(wrapped(context, "  " + (q.settled().correct() ? style.green(style.tick() + " " + q.settled().text())
                    : style.red(style.cross()) + " " + q.settled().text())
                    + style.dim(q.kind() == QuestionKind.PREDICT ? " (a prediction: graded when its step ran)"
                            : " (graded before: your first answers count)")));
            context.print(lines);
            return q.settled().correct();
        }
        for (int i = 0; i < q.choices().size(); i++) lines.add("  " + (i + 1) + ") " + q.choices().get(i));
        if (q.kind() == QuestionKind.MULTIPLE) lines.add(style.dim("  (several may be right: e.g. 1,3)"));
        if (q.kind() == QuestionKind.ORDER) lines.add(style.dim("  (type all " + q.choices().size()
                + " in the right order: e.g. " + example(q.choices().size()) + ")"));
        if (q.live()) lines.add(style.dim("  (live: read from the kernel when you answer; `show …` or `! command` here looks first)"));
        s.asking(q);
        context.print(lines);
        while (true) {
            String typed = read(context.console());
            if (typed.isEmpty()) continue;
            if (looks(typed)) {
                context.execute(typed);
                context.println(style.dim("  back to question " + n + "/" + total + ": " + firstLine(q.ask())));
                continue;
            }
            if (typed.equalsIgnoreCase("quit") || typed.equalsIgnoreCase("exit")) throw new Stop();
            if (typed.equalsIgnoreCase("quiz") || typed.toLowerCase(java.util.Locale.ROOT).startsWith("quiz ")) {
                context.println(style.dim("  this is a quiz already: answer, `skip` this question, or `quit` the quiz first"));
                continue;
            }
            if (typed.equalsIgnoreCase(SKIP)) {
                context.println(style.dim("  skipped"));
                return false;
            }
            if (typed.equalsIgnoreCase("hint")) {
                showHint(context, s.hint(q), "this question has no hints");
                continue;
            }
            String answer;
            try {
                answer = normalize(q, typed);
            } catch (ShellException e) {
                context.println("  " + e.getMessage());
                continue;
            }
            Grade g = s.answer(q, answer);
            if (g.correct()) {
                context.println("  " + style.green(style.tick() + " correct"));
                explain(context, g);
                return true;
            }
            if (g.attemptsLeft() > 0) {
                context.println("  " + style.red(style.cross() + " not quite") + style.dim(" " + style.dash() + " "
                        + g.attemptsLeft() + " attempt" + (g.attemptsLeft() == 1 ? "" : "s") + " left"));
                if (q.hints() > 0) showHint(context, s.hint(q), "");
                continue;
            }
            wrapped(context, "  " + style.red(style.cross() + " incorrect")
                    + (g.expected() == null || g.expected().isBlank() ? "" : " " + style.dash() + " the answer is " + style.bold(g.expected())))
                    .forEach(context::println);
            explain(context, g);
            return false;
        }
    }

    /**
     * A line that looks at the container rather than answers: {@code show …} or {@code ! command}. It runs as at
     * the prompt (a command may change the container: it is the learner's to try), and the question waits.
     */
    static boolean looks(String typed) {
        return typed.startsWith("!") || typed.equals("show") || typed.startsWith("show ");
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").replace("`", "").replace("**", "");
        return line.length() > 60 ? line.substring(0, 59) + "…" : line;
    }

    /** A verdict line broken at the terminal's width, continuing under its text. */
    private static List<String> wrapped(CommandContext context, String line) {
        return context.render().wrapped(line, "    ");
    }

    /** A question's hint, Markdown like the question; {@code none} when it has none. */
    static void showHint(CommandContext context, String hint, String none) {
        if (hint.isEmpty()) {
            if (!none.isEmpty()) context.println("  " + context.style().dim(none));
            return;
        }
        int width = Math.min(context.console().width(), 100) - 2;
        new MarkdownRenderer(context.style(), width).lines("**hint:** " + hint).forEach(line -> context.println("  " + line));
    }

    private static void explain(CommandContext context, Grade g) {
        if (g.explanation() != null && !g.explanation().isBlank()) {
            int width = Math.min(context.console().width(), 100) - 2;
            new MarkdownRenderer(context.style(), width).lines(g.explanation())
                    .forEach(line -> context.println("  " + context.style().dim(line)));
        }
    }

    private static String read(Console console) {
        try {
            String line = console.readLine("  answer> ");
            if (line == null) throw new Stop();
            return line.strip();
        } catch (Console.Interrupted e) {
            throw new Stop();
        }
    }

    /** What the session expects: choice texts for choice questions, the typed text otherwise. */
    static String normalize(QuestionView q, String typed) {
        return switch (q.kind()) {
            case NUMBER -> {
                if (NumberAnswer.parse(typed).isEmpty()) {
                    throw new ShellException("type a number (a unit after it is fine), or `skip`");
                }
                yield typed;
            }
            case TEXT, PREDICT -> typed;
            case CHOICE -> choice(q, typed);
            case MULTIPLE -> {
                for (String c : q.choices()) {
                    if (c.equalsIgnoreCase(typed)) yield c;
                }
                List<String> picked = new ArrayList<>();
                for (String part : typed.split(typed.contains(",") ? "," : "\\s+")) {
                    String c = choice(q, part.strip());
                    if (!picked.contains(c)) picked.add(c);
                }
                yield String.join("\n", picked);
            }
            case ORDER -> {
                List<String> named = Question.Ordering.named(q.choices(), typed);
                for (String n : named) {
                    if (!q.choices().contains(n)) {
                        throw new ShellException("'" + n + "' is not one of the choices: type their numbers (1 to "
                                + q.choices().size() + ") or texts, in order");
                    }
                }
                if (named.size() != q.choices().size() || named.stream().distinct().count() != named.size()) {
                    throw new ShellException("name each of the " + q.choices().size() + " choices once, in order: e.g. "
                            + example(q.choices().size()));
                }
                yield String.join("\n", named);
            }
        };
    }

    /** "2,1,3": every number once, not in the order 1..n (so it gives nothing away but the form). */
    private static String example(int n) {
        List<String> numbers = new ArrayList<>();
        for (int i = 2; i <= n; i++) numbers.add(String.valueOf(i));
        numbers.add(1, "1");
        return String.join(",", numbers.subList(0, Math.min(n, numbers.size())));
    }

    private static String choice(QuestionView q, String typed) {
        List<String> choices = q.choices();
        if (typed.matches("\\d+[).]?")) { // 2, or 2) and 2. as the list shows them
            int i = Integer.parseInt(typed.replaceAll("[).]$", ""));
            if (i >= 1 && i <= choices.size()) return choices.get(i - 1);
        }
        for (String c : choices) {
            if (c.equalsIgnoreCase(typed)) return c;
        }
        throw new ShellException("pick a number from 1 to " + choices.size() + " (or type `skip`)");
    }
}
