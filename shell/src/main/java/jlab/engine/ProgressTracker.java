package jlab.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jlab.lab.Lab;
import jlab.lab.Step;
import jlab.progress.LabProgress;
import jlab.progress.LabProgress.QuizAnswer;
import jlab.progress.LabProgress.StepProgress;

/**
 * What the learner has done in this lab, in the lab's own terms (step indexes, question indexes), and
 * turned into a {@link LabProgress} to save. Saved progress is matched to the lab by step id and question
 * text, so a lab edited since keeps what still fits. Time spent is wall-clock time with the lab open.
 */
final class ProgressTracker {
    private final Lab lab;
    private final Clock clock;
    private final boolean[] done;
    private final int[] hints;
    private final QuizAnswer[][] answers;
    private final QuizAnswer[] endAnswers;
    private int current;
    private int reached;
    private long secondsBefore;
    private Instant since;
    private String firstSeen;

    ProgressTracker(Lab lab, Clock clock) {
        this.lab = lab;
        this.clock = clock;
        int n = lab.steps().size();
        done = new boolean[n];
        hints = new int[n];
        answers = new QuizAnswer[n][];
        for (int i = 0; i < n; i++) {
            Step s = lab.steps().get(i);
            answers[i] = new QuizAnswer[s.quiz().size()];
            for (int q = 0; q < answers[i].length; q++) answers[i][q] = new QuizAnswer(s.quiz().get(q).ask(), null, false, 0);
        }
        endAnswers = new QuizAnswer[lab.quiz().size()];
        for (int q = 0; q < endAnswers.length; q++) endAnswers[q] = new QuizAnswer(lab.quiz().get(q).ask(), null, false, 0);
        since = clock.instant();
        firstSeen = since.toString();
    }

    /** A tracker that carries on from {@code saved}. */
    static ProgressTracker restore(Lab lab, Clock clock, LabProgress saved) {
        ProgressTracker t = new ProgressTracker(lab, clock);
        t.secondsBefore = Math.max(0, saved.timeSpentSeconds());
        if (saved.firstSeen() != null) t.firstSeen = saved.firstSeen();
        for (StepProgress sp : saved.steps()) {
            int i = lab.indexOf(sp.id());
            if (i < 0) continue;
            t.done[i] = sp.done() && lab.steps().get(i).hasTask();
            t.hints[i] = Math.max(0, sp.hints());
            keepMatching(t.answers[i], sp.quiz());
        }
        keepMatching(t.endAnswers, saved.endQuiz());
        int last = lab.steps().size() - 1;
        t.current = Math.clamp(saved.step() - 1, 0, last);
        t.reached = Math.clamp(Math.max(saved.reached(), saved.step()) - 1, t.current, last);
        return t;
    }

    /** Saved answers whose question (by text) is still at that place. */
    private static void keepMatching(QuizAnswer[] into, List<QuizAnswer> saved) {
        for (int q = 0; q < into.length && q < saved.size(); q++) {
            QuizAnswer a = saved.get(q);
            if (a.ask() != null && a.ask().equals(into[q].ask())) into[q] = a;
        }
    }

    void at(int index) {
        current = index;
        reached = Math.max(reached, index);
    }

    /** True when this changes what is saved. */
    boolean done(int index) {
        if (done[index]) return false;
        done[index] = true;
        return true;
    }

    void hint(int index) { hints[index]++; }

    /** A graded answer to question {@code question} of step {@code step} (or of the end-of-lab quiz: END). */
    void answered(int step, int question, String answer, boolean correct) {
        QuizAnswer before = row(step)[question];
        row(step)[question] = new QuizAnswer(before.ask(), answer, correct, before.attempts() + 1, before.hints(), null);
    }

    /** A graded prediction, with what the kernel measured. */
    void predicted(int step, int question, String answer, boolean correct, String measured) {
        QuizAnswer before = row(step)[question];
        row(step)[question] = new QuizAnswer(before.ask(), answer, correct, before.attempts() + 1, before.hints(), measured);
    }

    void questionHint(int step, int question) {
        QuizAnswer b = row(step)[question];
        row(step)[question] = new QuizAnswer(b.ask(), b.answer(), b.correct(), b.attempts(), b.hints() + 1, b.measured());
    }

    private QuizAnswer[] row(int step) {
        return step == jlab.engine.LabSession.QuestionView.END ? endAnswers : answers[step];
    }

    int current() { return current; }

    boolean isDone(int index) { return done[index]; }

    int hints(int index) { return hints[index]; }

    QuizAnswer answer(int step, int question) { return row(step)[question]; }

    int tasksDone() {
        int n = 0;
        for (boolean d : done) if (d) n++;
        return n;
    }

    int tasks() {
        return (int) lab.steps().stream().filter(Step::hasTask).count();
    }

    LabProgress snapshot() {
        Instant now = clock.instant();
        List<StepProgress> steps = new ArrayList<>();
        for (int i = 0; i < lab.steps().size(); i++) {
            Step s = lab.steps().get(i);
            steps.add(new StepProgress(s.id(), s.title(), s.hasTask() ? s.task() : null, done[i], hints[i], List.of(answers[i])));
        }
        long seconds = secondsBefore + Math.max(0, Duration.between(since, now).toSeconds());
        return new LabProgress(LabProgress.VERSION, lab.id(), lab.title(), lab.steps().size(), current + 1, reached + 1,
                seconds, firstSeen, now.toString(), steps, lab.vars(), List.of(endAnswers));
    }
}
