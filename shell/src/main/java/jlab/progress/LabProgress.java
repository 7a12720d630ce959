package jlab.progress;

import java.util.List;
import java.util.Map;

/**
 * A learner's progress in one lab, as saved in {@code <state>/jlab/<lab>.json} (shape in PROGRESS.md).
 * {@code step} is where the learner was (1-based) and resumes, {@code reached} the furthest step seen;
 * {@code steps} lists every step of the lab, so results can name what was not done. Times are ISO-8601 UTC.
 * {@code vars} are the values the learner's lab drew ({@code vars:}), kept so that a resumed lab asks the same.
 * {@code endQuiz} are the answers to the end-of-lab quiz.
 */
public record LabProgress(int version, String lab, String title, int stepCount, int step, int reached,
                          long timeSpentSeconds, String firstSeen, String lastSeen, List<StepProgress> steps,
                          Map<String, String> vars, List<QuizAnswer> endQuiz) {

    public static final int VERSION = 1;

    public LabProgress {
        steps = steps == null ? List.of() : List.copyOf(steps);
        vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        endQuiz = endQuiz == null ? List.of() : List.copyOf(endQuiz);
    }

    /** Progress of a lab without an end-of-lab quiz. */
    public LabProgress(int version, String lab, String title, int stepCount, int step, int reached,
                       long timeSpentSeconds, String firstSeen, String lastSeen, List<StepProgress> steps,
                       Map<String, String> vars) {
        this(version, lab, title, stepCount, step, reached, timeSpentSeconds, firstSeen, lastSeen, steps, vars, List.of());
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

    /**
     * One question; {@code answer} is null while unanswered, {@code attempts} counts graded answers, {@code hints}
     * the question's hints shown; {@code measured} is what the kernel measured for a prediction (else null).
     */
    public record QuizAnswer(String ask, String answer, boolean correct, int attempts, int hints, String measured) {
        public QuizAnswer(String ask, String answer, boolean correct, int attempts) {
            this(ask, answer, correct, attempts, 0, null);
        }

        public boolean answered() { return answer != null; }
    }

    public int taskCount() { return (int) steps.stream().filter(StepProgress::hasTask).count(); }

    public int tasksDone() { return (int) steps.stream().filter(s -> s.hasTask() && s.done()).count(); }

    /** Every question of the lab: the steps' in order, then the end-of-lab quiz. */
    public java.util.stream.Stream<QuizAnswer> questions() {
        return java.util.stream.Stream.concat(steps.stream().flatMap(s -> s.quiz().stream()), endQuiz.stream());
    }

    public int questionCount() { return (int) questions().count(); }

    public int questionsAnswered() { return (int) questions().filter(QuizAnswer::answered).count(); }

    public int questionsCorrect() { return (int) questions().filter(QuizAnswer::correct).count(); }

    public int hintsUsed() { return steps.stream().mapToInt(StepProgress::hints).sum(); }
}
