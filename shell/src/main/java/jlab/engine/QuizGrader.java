package jlab.engine;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jlab.engine.LabSession.Grade;
import jlab.engine.LabSession.QuestionKind;
import jlab.engine.LabSession.QuestionView;
import jlab.lab.LiveKey;
import jlab.lab.NumberAnswer;
import jlab.lab.Question;

/**
 * Grades answers to a lab's questions, counting attempts and hints per question. A prediction is graded
 * against a measurement ({@link #gradePrediction}), never through {@link #grade}; that it is graded once is kept
 * in the learner's progress ({@code LabQuiz}).
 */
final class QuizGrader {
    private final Function<LiveKey, String> live;
    // Identity: two equal questions in two steps count apart.
    private final Map<Question, Integer> attemptsUsed = new IdentityHashMap<>();
    private final Map<Question, Integer> hintsGiven = new IdentityHashMap<>();
    /** A live counter's value when its question was first shown: what the learner read since then is right. */
    private final Map<Question, Double> shownAt = new IdentityHashMap<>();

    /** {@code live} reads a live value from the kernel ({@link LiveValues#read}). */
    QuizGrader(Function<LiveKey, String> live) {
        this.live = live;
    }

    /** The question as the shell shows it; {@code settled} says how it went once it can no longer be answered. */
    static QuestionView view(int step, int index, Question q, QuestionView.Settled settled) {
        int hints = q.hints().size();
        return switch (q) {
            case Question.SingleChoice c -> new QuestionView(step, index, c.ask(), QuestionKind.CHOICE, c.choices(), false, hints, settled);
            case Question.MultipleChoice m -> new QuestionView(step, index, m.ask(), QuestionKind.MULTIPLE, m.choices(), false, hints, settled);
            case Question.Ordering o -> new QuestionView(step, index, o.ask(), QuestionKind.ORDER, o.choices(), false, hints, settled);
            case Question.NumberQuestion n -> new QuestionView(step, index, n.ask(), QuestionKind.NUMBER, List.of(), false, hints, settled);
            case Question.TextQuestion t -> new QuestionView(step, index, t.ask(), QuestionKind.TEXT, List.of(), false, hints, settled);
            case Question.LiveQuestion l -> new QuestionView(step, index, l.ask(), QuestionKind.TEXT, List.of(), true, hints, settled);
            case Question.Prediction p -> new QuestionView(step, index, p.ask(), QuestionKind.PREDICT, List.of(), true, hints, settled);
        };
    }

    /**
     * Notes that {@code q} is being shown: a live counter's value is read now, so that an answer read off the
     * kernel between now and the answer is right although the counter moved on ({@link #liveRange}).
     */
    void shown(Question q) {
        if (!(q instanceof Question.LiveQuestion l) || !l.key().kind().counter() || shownAt.containsKey(q)) return;
        try {
            liveNumber(live.apply(l.key())).ifPresent(v -> shownAt.put(q, v));
        } catch (RuntimeException notYet) {
            // nothing to read yet (no init, no cgroup): the answer is graded against its value then alone
        }
    }

    /** The next of the question's hints (the last one again once all were given), or "" when it has none. */
    String hint(Question q) {
        if (q.hints().isEmpty()) return "";
        int n = hintsGiven.merge(q, 1, Integer::sum) - 1;
        String text = q.hints().get(Math.min(n, q.hints().size() - 1));
        return q.hints().size() == 1 ? text : "(" + (Math.min(n, q.hints().size() - 1) + 1) + "/" + q.hints().size() + ") " + text;
    }

    int hintsGiven(Question q) {
        return hintsGiven.getOrDefault(q, 0);
    }

    /** Grades {@code predicted} (null when the learner did not predict) against {@code measured}. */
    static Grade gradePrediction(Question.Prediction p, String predicted, double measured) {
        boolean correct = predicted != null && NumberAnswer.parse(predicted).stream().anyMatch(v -> p.accepts(v, measured));
        return new Grade(correct, measuredText(p, measured), explain(p), 0);
    }

    static String measuredText(Question.Prediction p, double measured) {
        return format(measured) + (p.unit() == null ? "" : " " + p.unit())
                + (p.tolerance() > 0 ? " (right within ± " + format(p.tolerance()) + ")" : "");
    }

    /** Graded answers so far (the limit once answered right): a change means {@link #grade} counted one. */
    int attemptsUsed(Question q) {
        return attemptsUsed.getOrDefault(q, 0);
    }

    /** True once {@code q} is graded for good: answered right, or its attempts used up. */
    boolean finished(Question q) {
        return attemptsUsed(q) >= limit(q);
    }

    private static int limit(Question q) {
        return Math.max(1, q.attempts());
    }

    /** Carries attempts and hints over from saved progress. */
    void restore(Question q, int attempts, boolean correct, int hints) {
        int limit = limit(q);
        if (correct) attemptsUsed.put(q, limit);
        else if (attempts > 0) attemptsUsed.put(q, Math.min(attempts, limit));
        if (hints > 0) hintsGiven.put(q, hints);
    }

    Grade grade(Question q, String answer) {
        if (q instanceof Question.Prediction) {
            throw new IllegalArgumentException("a prediction is graded against a measurement when its step runs");
        }
        int limit = limit(q);
        int used = attemptsUsed(q);
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
            case Question.NumberQuestion n -> NumberAnswer.parse(answer).stream().anyMatch(n::accepts);
            case Question.TextQuestion t -> t.accepts(answer);
            case Question.LiveQuestion l -> liveAccepts(l, answer);
            case Question.Prediction p -> false; // refused in grade()
        };
    }

    /**
     * A number is right within the question's tolerance of the range the value has covered since the question was
     * shown (only a counter's moves); an inode may be typed as readlink shows it, {@code net:[4026531840]}. Text
     * (a hostname) is right in any case.
     */
    private boolean liveAccepts(Question.LiveQuestion l, String answer) {
        String now = live.apply(l.key()).strip();
        OptionalDouble current = liveNumber(now);
        OptionalDouble given = liveNumber(answer);
        if (given.isEmpty() && current.isPresent()) given = NumberAnswer.parse(answer); // 271 periods, one
        if (given.isEmpty() || current.isEmpty()) return answer.strip().equalsIgnoreCase(now);
        double[] range = liveRange(l, current.getAsDouble());
        double v = given.getAsDouble();
        return v >= range[0] - l.tolerance() && v <= range[1] + l.tolerance();
    }

    private double[] liveRange(Question.LiveQuestion l, double now) {
        Double shown = shownAt.get(l);
        return shown == null ? new double[] {now, now} : new double[] {Math.min(shown, now), Math.max(shown, now)};
    }

    private static final Pattern LIVE_NUMBER =
            Pattern.compile("[a-z_]+:\\[(\\d+)]|[vV]?(-?\\d+(?:\\.\\d+)?)");

    /**
     * A number as a live value or an answer to one spells it: {@code 42}, {@code 0.5}, {@code net:[4026531840]},
     * {@code v1} (a cgroup version).
     */
    static OptionalDouble liveNumber(String text) {
        Matcher m = LIVE_NUMBER.matcher(text.strip());
        if (!m.matches()) return OptionalDouble.empty();
        return OptionalDouble.of(Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2)));
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
        return q instanceof Question.LiveQuestion l ? liveExpected(l) : shownAnswer(q);
    }

    /** The right answer as the learner is shown it; a live value's depends on the kernel (see {@link #expected}). */
    static String shownAnswer(Question q) {
        return switch (q) {
            case Question.SingleChoice c -> c.answer();
            case Question.MultipleChoice m -> String.join(", ", m.answers());
            // Numbered: choices may contain commas themselves.
            case Question.Ordering o -> IntStream.range(0, o.order().size())
                    .mapToObj(i -> "(" + (i + 1) + ") " + o.order().get(i)).collect(Collectors.joining(" "));
            case Question.NumberQuestion n -> format(n.number()) + (n.tolerance() > 0 ? " ± " + format(n.tolerance()) : "")
                    + (n.unit() == null ? "" : " " + n.unit());
            case Question.TextQuestion t -> t.example() != null ? t.example() : "an answer matching " + t.pattern();
            case Question.LiveQuestion l -> "read from the kernel (" + l.key().describe() + ")";
            case Question.Prediction p -> "measured when its step runs";
        };
    }

    private String liveExpected(Question.LiveQuestion l) {
        String now = live.apply(l.key()).strip();
        OptionalDouble current = liveNumber(now);
        String tolerance = l.tolerance() > 0 ? " ± " + format(l.tolerance()) : "";
        if (current.isPresent()) {
            double[] range = liveRange(l, current.getAsDouble());
            if (range[0] != range[1]) {
                return format(range[0]) + " to " + format(range[1]) + tolerance + " (" + l.key().text()
                        + ", from when the question was shown to now)";
            }
        }
        return now + tolerance + " (" + l.key().describe() + ", read just now)";
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }


    static String explain(Question q) {
        return q.explain() == null ? "" : q.explain();
    }
}
