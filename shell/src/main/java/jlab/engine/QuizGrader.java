package jlab.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jlab.engine.LabSession.Grade;
import jlab.engine.LabSession.QuestionKind;
import jlab.engine.LabSession.QuestionView;
import jlab.lab.Question;

/** Grades answers to a step's questions, counting attempts per question. */
final class QuizGrader {
    private final LiveValues live;
    private final Map<Question, Integer> attemptsUsed = new java.util.IdentityHashMap<>(); // two equal questions in two steps count apart

    QuizGrader(LiveValues live) {
        this.live = live;
    }

    static QuestionView view(int index, Question q) {
        return switch (q) {
            case Question.SingleChoice c -> new QuestionView(index, c.ask(), QuestionKind.CHOICE, c.choices(), false);
            case Question.MultipleChoice m -> new QuestionView(index, m.ask(), QuestionKind.MULTIPLE, m.choices(), false);
            case Question.Ordering o -> new QuestionView(index, o.ask(), QuestionKind.ORDER, o.choices(), false);
            case Question.NumberQuestion n -> new QuestionView(index, n.ask(), QuestionKind.NUMBER, List.of(), false);
            case Question.TextQuestion t -> new QuestionView(index, t.ask(), QuestionKind.TEXT, List.of(), false);
            case Question.LiveQuestion l -> new QuestionView(index, l.ask(), QuestionKind.TEXT, List.of(), true);
        };
    }

    /** Graded answers so far (the limit once answered right): a change means {@link #grade} counted one. */
    int attemptsUsed(Question q) {
        return attemptsUsed.getOrDefault(q, 0);
    }

    /** Carries attempts over from saved progress. */
    void restore(Question q, int attempts, boolean correct) {
        int limit = Math.max(1, attempts(q));
        if (correct) attemptsUsed.put(q, limit);
        else if (attempts > 0) attemptsUsed.put(q, Math.min(attempts, limit));
    }

    Grade grade(Question q, String answer) {
        int limit = Math.max(1, attempts(q));
        int used = attemptsUsed.getOrDefault(q, 0);
        if (used >= limit) return new Grade(false, expected(q), explain(q), 0);
        boolean correct = correct(q, answer.strip());
        attemptsUsed.put(q, correct ? limit : used + 1);
        int left = correct ? 0 : limit - used - 1;
        boolean reveal = correct || left == 0;
        return new Grade(correct, reveal ? expected(q) : "", reveal ? explain(q) : "", left);
    }

    private boolean correct(Question q, String answer) {
        return switch (q) {
            case Question.SingleChoice c -> c.answer().equalsIgnoreCase(choice(c.choices(), answer));
            case Question.MultipleChoice m -> {
                // "1,3" or "1 3" by number, one chosen text a line (the shell), or texts separated by commas.
                String[] parts = answer.matches("[\\d,\\s]+") ? answer.split("[,\\s]+")
                        : answer.contains("\n") ? answer.split("\n") : answer.split(",");
                Set<String> given = Arrays.stream(parts).map(String::strip).filter(s -> !s.isBlank())
                        .map(s -> choice(m.choices(), s).toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
                yield given.equals(m.answers().stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
            }
            case Question.Ordering o -> o.accepts(answer);
            case Question.NumberQuestion n -> {
                try {
                    yield n.accepts(Double.parseDouble(answer.replaceAll("[^0-9eE+\\-.]", "")));
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            case Question.TextQuestion t -> t.accepts(answer);
            case Question.LiveQuestion l -> answer.equals(live.read(l.key()));
        };
    }

    /** A choice given by its number (1-based) or its text. */
    private static String choice(List<String> choices, String answer) {
        if (answer.matches("\\d+")) {
            int i = Integer.parseInt(answer) - 1;
            if (i >= 0 && i < choices.size()) return choices.get(i);
        }
        return answer;
    }

    private String expected(Question q) {
        return switch (q) {
            case Question.SingleChoice c -> c.answer();
            case Question.MultipleChoice m -> String.join(", ", m.answers());
            // Numbered: choices may contain commas themselves.
            case Question.Ordering o -> IntStream.range(0, o.order().size())
                    .mapToObj(i -> "(" + (i + 1) + ") " + o.order().get(i)).collect(Collectors.joining(" "));
            case Question.NumberQuestion n -> format(n.number()) + (n.tolerance() > 0 ? " ± " + format(n.tolerance()) : "")
                    + (n.unit() == null ? "" : " " + n.unit());
            case Question.TextQuestion t -> "an answer matching " + t.pattern();
            case Question.LiveQuestion l -> live.read(l.key()) + " (" + l.key().describe() + ", read just now)";
        };
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static int attempts(Question q) {
        return q.attempts();
    }

    private static String explain(Question q) {
        return q.explain() == null ? "" : q.explain();
    }
}
