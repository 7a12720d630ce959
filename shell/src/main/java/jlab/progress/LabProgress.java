package jlab.progress;

import java.util.List;
import java.util.Map;

/**
 * A learner's progress in one lab, as saved in {@code <state>/jlab/<lab>.json} (shape in PROGRESS.md).
 * {@code step} is where the learner was (1-based) and resumes, {@code reached} the furthest step seen;
 * {@code steps} lists every step of the lab, so results can name what was not done. Times are ISO-8601 UTC.
 * {@code vars} are the values the learner's lab drew ({@code vars:}), kept so that a resumed lab asks the same.
 */
public record LabProgress(int version, String lab, String title, int stepCount, int step, int reached,
                          long timeSpentSeconds, String firstSeen, String lastSeen, List<StepProgress> steps,
                          Map<String, String> vars) {

    public static final int VERSION = 1;

    public LabProgress {
        steps = steps == null ? List.of() : List.copyOf(steps);
        vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
    }

    /** Progress of a lab without vars. */
    public LabProgress(int version, String lab, String title, int stepCount, int step, int reached,
                       long timeSpentSeconds, String firstSeen, String lastSeen, List<StepProgress> steps) {
        this(version, lab, title, stepCount, step, reached, timeSpentSeconds, firstSeen, lastSeen, steps, Map.of());
    }

    /** One step: its task (if any) done or not, hints asked for, and its quiz answers in order. */
    public record StepProgress(String id, String title, String task, boolean done, int hints, List<QuizAnswer> quiz) {
        public StepProgress {
            quiz = quiz == null ? List.of() : List.copyOf(quiz);
        }

        public boolean hasTask() { return task != null && !task.isBlank(); }
    }

    /** One question; {@code answer} is null while unanswered, {@code attempts} counts graded answers. */
    public record QuizAnswer(String ask, String answer, boolean correct, int attempts) {
        public boolean answered() { return answer != null; }
    }

    public int taskCount() { return (int) steps.stream().filter(StepProgress::hasTask).count(); }

    public int tasksDone() { return (int) steps.stream().filter(s -> s.hasTask() && s.done()).count(); }

    public int questionCount() { return steps.stream().mapToInt(s -> s.quiz().size()).sum(); }

    public int questionsAnswered() {
        return (int) steps.stream().flatMap(s -> s.quiz().stream()).filter(QuizAnswer::answered).count();
    }

    public int questionsCorrect() {
        return (int) steps.stream().flatMap(s -> s.quiz().stream()).filter(QuizAnswer::correct).count();
    }

    public int hintsUsed() { return steps.stream().mapToInt(StepProgress::hints).sum(); }
}
