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
            for (int q = 0; q < t.answers[i].length && q < sp.quiz().size(); q++) {
                QuizAnswer a = sp.quiz().get(q);
                if (a.ask() != null && a.ask().equals(t.answers[i][q].ask())) t.answers[i][q] = a;
            }
        }
        int last = lab.steps().size() - 1;
        t.current = Math.clamp(saved.step() - 1, 0, last);
        t.reached = Math.clamp(Math.max(saved.reached(), saved.step()) - 1, t.current, last);
        return t;
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

    void answered(int step, int question, String answer, boolean correct) {
        QuizAnswer before = answers[step][question];
        answers[step][question] = new QuizAnswer(before.ask(), answer, correct, before.attempts() + 1);
    }

    int current() { return current; }

    boolean isDone(int index) { return done[index]; }

    int hints(int index) { return hints[index]; }

    QuizAnswer answer(int step, int question) { return answers[step][question]; }

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
                seconds, firstSeen, now.toString(), steps, lab.vars());
    }
}
