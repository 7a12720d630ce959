package jlab.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jlab.engine.LabSession.Grade;
import jlab.engine.LabSession.Measured;
import jlab.engine.LabSession.QuestionKind;
import jlab.engine.LabSession.QuestionView;
import jlab.engine.LabSession.Score;
import jlab.lab.Lab;
import jlab.lab.LiveKey;
import jlab.lab.Question;
import jlab.progress.LabProgress.QuizAnswer;

/**
 * The questions of one lab as one learner meets them: the steps' quizzes, the end-of-lab quiz and the steps'
 * predictions. Answers, hints and measurements go to the progress tracker; {@link #rebuild} starts grading
 * against a new sandbox with the counts carried over.
 */
final class LabQuiz {
    private final Lab lab;
    private final ProgressTracker progress;
    private final Runnable save;
    private final Sleeper sleeper;
    private final Map<Question, String> pending = new IdentityHashMap<>();
    private final Map<Question, Double> lastMeasured = new IdentityHashMap<>();
    private QuizGrader grader;
    private Function<LiveKey, String> live;

    /** Waits while a prediction's value is measured; tests pass one that does not sleep. */
    interface Sleeper {
        void sleep(Duration d);

        Sleeper REAL = d -> {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    LabQuiz(Lab lab, ProgressTracker progress, Runnable save, Sleeper sleeper) {
        this.lab = lab;
        this.progress = progress;
        this.save = save;
        this.sleeper = sleeper;
    }

    /**
     * Grades against {@code live} (reads a live value from the kernel, {@link LiveValues#read}) from now on;
     * attempts and hints so far come from the progress tracker.
     */
    void rebuild(Function<LiveKey, String> live) {
        this.live = live;
        grader = new QuizGrader(live);
        for (int i = 0; i < lab.steps().size(); i++) restore(i, lab.steps().get(i).quiz());
        restore(QuestionView.END, lab.quiz());
    }

    private void restore(int step, List<Question> questions) {
        for (int q = 0; q < questions.size(); q++) {
            QuizAnswer a = progress.answer(step, q);
            grader.restore(questions.get(q), a.attempts(), a.correct(), a.hints());
        }
    }

    private List<Question> questions(int step) {
        return step == QuestionView.END ? lab.quiz() : lab.steps().get(step).quiz();
    }

    private Question question(QuestionView view) {
        return questions(view.step()).get(view.index());
    }

    /** See {@link LabSession#asking}. */
    void asking(QuestionView view) {
        grader.shown(question(view));
    }

    List<QuestionView> views(int step) {
        List<Question> questions = questions(step);
        List<QuestionView> views = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            views.add(QuizGrader.view(step, i, q, q instanceof Question.Prediction p ? settled(step, i, p) : graded(step, i, q)));
        }
        return views;
    }

    /**
     * How a question went once it is graded for good (answered right, or its attempts used up): a quiz taken
     * again shows that instead of asking it, so the first answers stand and nothing is graded twice.
     */
    private QuestionView.Settled graded(int step, int index, Question q) {
        if (!grader.finished(q)) return null;
        QuizAnswer a = progress.answer(step, index);
        return new QuestionView.Settled("you answered " + a.answer().replace('\n', ',').replaceAll("[.\\s]+$", "")
                + (a.correct() || q instanceof Question.LiveQuestion ? "" : "; the answer is " + QuizGrader.shownAnswer(q)),
                false, a.correct());
    }

    /** How a prediction went: graded, measured without a prediction, or its step ran before it could be asked. */
    private QuestionView.Settled settled(int step, int index, Question.Prediction p) {
        QuizAnswer a = progress.answer(step, index);
        if (a.answered()) {
            return new QuestionView.Settled("you predicted " + a.answer() + "; the kernel measured "
                    + (a.measured() == null ? "?" : a.measured()), true, a.correct());
        }
        Double measured = lastMeasured.get(p);
        return new QuestionView.Settled(measured == null
                ? "not predicted: the step ran before it was asked (predictions are asked by `next`)"
                : "not predicted; the kernel measured " + QuizGrader.measuredText(p, measured), false, false);
    }

    Grade answer(QuestionView view, String answer) {
        Question question = question(view);
        int before = grader.attemptsUsed(question);
        Grade grade = grader.grade(question, answer);
        if (grader.attemptsUsed(question) != before) {
            progress.answered(view.step(), view.index(), answer, grade.correct());
            save.run();
        }
        return grade;
    }

    String hint(QuestionView view) {
        Question question = question(view);
        String hint = grader.hint(question);
        if (!hint.isEmpty() && grader.hintsGiven(question) <= question.hints().size()) { // not the last one again
            progress.questionHint(view.step(), view.index());
            save.run();
        }
        return hint;
    }

    /** The predictions of {@code step} still to be asked: those not graded yet. */
    List<QuestionView> predictions(int step) {
        return views(step).stream()
                .filter(v -> v.kind() == QuestionKind.PREDICT && !progress.answer(step, v.index()).answered())
                .map(v -> new QuestionView(v.step(), v.index(), v.ask(), v.kind(), v.choices(), v.live(), v.hints(), null))
                .toList();
    }

    void predict(QuestionView view, String answer) {
        if (!(question(view) instanceof Question.Prediction p)) {
            throw new IllegalArgumentException("question " + (view.index() + 1) + " is not a prediction");
        }
        pending.put(p, answer);
    }

    boolean hasPredictions(int step) {
        return step != QuestionView.END && questions(step).stream().anyMatch(Question.Prediction.class::isInstance);
    }

    /** Reads the starting values of {@code step}'s predictions; call just before its actions run. */
    Measurement measure(int step) {
        List<Started> started = new ArrayList<>();
        List<Question> questions = questions(step);
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i) instanceof Question.Prediction p) started.add(new Started(i, p, read(p)));
        }
        return new Measurement(step, started);
    }

    private record Started(int index, Question.Prediction prediction, Reading baseline) {}

    /** A value read from the kernel, or why it could not be. */
    private record Reading(double value, String failure) {}

    private Reading read(Question.Prediction p) {
        try {
            return new Reading(Double.parseDouble(live.apply(p.measure()).strip()), null);
        } catch (NumberFormatException e) {
            return new Reading(Double.NaN, p.measure().text() + " is not a number");
        } catch (RuntimeException e) {
            return new Reading(Double.NaN, e.getMessage());
        }
    }

    /** The predictions of one step being measured: {@link #finish} waits, reads again and grades. */
    final class Measurement {
        private final int step;
        private final List<Started> started;

        private Measurement(int step, List<Started> started) {
            this.step = step;
            this.started = started;
        }

        /** Waits until each prediction's {@code seconds} have passed, then grades it against the change. */
        List<Measured> finish() {
            if (started.isEmpty()) return List.of();
            long t0 = System.nanoTime();
            List<Started> byTime = started.stream().sorted(Comparator.comparing(s -> s.prediction().over())).toList();
            Map<Integer, Measured> results = new java.util.TreeMap<>();
            for (Started s : byTime) {
                Duration left = s.prediction().over().minusNanos(System.nanoTime() - t0);
                if (left.isPositive()) sleeper.sleep(left);
                results.put(s.index(), grade(s, read(s.prediction())));
            }
            pending.clear();
            save.run();
            return List.copyOf(results.values());
        }

        private Measured grade(Started s, Reading after) {
            Question.Prediction p = s.prediction();
            String what = p.measure().text() + (p.over().isZero() ? ", its change over the step's actions"
                    : ", its change from before the step's actions to " + seconds(p.over()) + " after them");
            String failure = s.baseline().failure() != null ? s.baseline().failure() : after.failure();
            String predicted = pending.get(p);
            if (failure != null) {
                return new Measured(p.ask(), what, predicted, new Grade(false, "could not be measured: " + failure,
                        QuizGrader.explain(p), 0));
            }
            double change = after.value() - s.baseline().value();
            lastMeasured.put(p, change);
            QuizAnswer saved = progress.answer(step, s.index());
            if (saved.answered()) { // graded in an earlier visit (the step is replayed): the verdict stands
                return new Measured(p.ask(), what, saved.answer(), new Grade(saved.correct(),
                        QuizGrader.measuredText(p, change) + "; graded when you first ran the step: " + saved.measured(),
                        QuizGrader.explain(p), 0));
            }
            Grade grade = QuizGrader.gradePrediction(p, predicted, change);
            if (predicted != null) {
                progress.predicted(step, s.index(), predicted, grade.correct(), QuizGrader.measuredText(p, change));
            }
            return new Measured(p.ask(), what, predicted, grade);
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : (ms / 1000.0) + " s";
    }

    /** Over every step's quiz and the end-of-lab quiz. */
    Score score() {
        int correct = 0;
        int firstAttempt = 0;
        int answered = 0;
        int total = 0;
        int predictions = 0;
        for (int step = QuestionView.END; step < lab.steps().size(); step++) {
            for (int q = 0; q < questions(step).size(); q++) {
                QuizAnswer a = progress.answer(step, q);
                total++;
                if (questions(step).get(q) instanceof Question.Prediction) predictions++;
                if (a.answered()) answered++;
                if (a.correct()) correct++;
                if (a.correct() && a.attempts() <= 1) firstAttempt++;
            }
        }
        return new Score(correct, firstAttempt, answered, total, predictions);
    }
}
