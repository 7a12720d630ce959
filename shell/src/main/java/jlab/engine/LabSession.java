package jlab.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jlab.inspect.Annotation;

/**
 * One learner taking one lab: the only thing the shell talks to. Moving onto a step runs that step's
 * actions the first time it is reached (later visits only show it again); every call returns what the
 * learner should see as plain data, which the shell renders. Implementations: {@code Engine} (real
 * kernel or a fake one underneath).
 */
public interface LabSession extends AutoCloseable {

    String labId();

    String labTitle();

    int stepCount();

    /** 0-based index of the current step. */
    int stepIndex();

    StepView currentStep();

    /** Moves to step {@code index} (0-based), running the actions of every step up to it not yet run. */
    StepOutcome goTo(int index);

    /** Evaluates the current step's checks against live kernel state. */
    CheckReport check();

    /** The next hint for the current step (hints escalate); empty text when the step has none. */
    String hint();

    /** Performs the current step's solution, then checks. */
    StepOutcome solve();

    /**
     * Runs a learner's command inside the lab's sandbox, streaming its output lines to {@code output}.
     * {@link #interrupt()} from another thread sends the command SIGINT.
     */
    ExecOutcome exec(List<String> argv, Consumer<String> output);

    /**
     * As {@link #exec(List, Consumer)}, with each system call jlab makes for the command handed to {@code syscalls}
     * as it is made, so that the spawn shows before the program's output; the outcome's list then has only the
     * calls that were not handed over.
     */
    default ExecOutcome exec(List<String> argv, Consumer<String> output, Consumer<String> syscalls) {
        return exec(argv, output);
    }

    /** Sends SIGINT to the command {@link #exec} is running, if any. */
    void interrupt();

    /**
     * Starts an interactive shell inside the lab's container on a pseudo-terminal of {@code rows} x
     * {@code columns} with {@code TERM=term}; the caller pumps its bytes and ends it with
     * {@link PtyShell#finish}. Refused (with the same reasons as {@link #exec}) until the container can run
     * commands.
     */
    default PtyShell openShell(String term, int rows, int columns) {
        throw new UnsupportedOperationException("this lab session has no container shell");
    }

    /** The current step's questions, predictions included (settled once the step has run). */
    List<QuestionView> quiz();

    /** The end-of-lab quiz (empty when the lab has none): questions about the whole lab, asked at any step. */
    default List<QuestionView> endQuiz() { return List.of(); }

    /**
     * The shell is about to show {@code question}: a live counter's value is noted now, and any value it has
     * from now until the answer is right (the learner reads it in between).
     */
    default void asking(QuestionView question) {}

    /** Grades an answer to one of {@link #quiz()} or {@link #endQuiz()}; predictions are not answered here. */
    Grade answer(QuestionView question, String answer);

    /** Grades an answer to question {@code questionIndex} of the current step. */
    default Grade answer(int questionIndex, String answer) {
        return answer(quiz().get(questionIndex), answer);
    }

    /** The question's next hint (they escalate), or "" when it has none. */
    default String hint(QuestionView question) { return ""; }

    /**
     * The predictions to ask before {@link #goTo}{@code (target)}: those of step {@code target} when its actions
     * have not run yet, else none. Answer each with {@link #predict} before moving.
     */
    default List<QuestionView> predictions(int target) { return List.of(); }

    /** Records a prediction (null: the learner did not predict); it is graded when its step's actions have run. */
    default void predict(QuestionView prediction, String answer) {
        throw new UnsupportedOperationException("this lab session takes no predictions");
    }

    /** Questions right, answered and in all, over the whole lab (every step and the end-of-lab quiz). */
    default Score score() { return new Score(0, 0, 0, 0, 0); }

    /** What an inspector shows now, by name (ns, pids, mounts, uts), with no diff. */
    Annotation show(String inspector);

    /** Names {@link #show} accepts. */
    List<String> inspectors();

    /** The syscalls made since the lab started, strace-style. */
    List<String> syscalls();

    /** Tears the sandbox down and rebuilds it, replaying the steps up to the current one. */
    StepOutcome reset();

    /** Where the learner left off in an earlier session of this lab, when their progress was saved. */
    default Optional<Resume> saved() { return Optional.empty(); }

    /**
     * Moves onto the saved step, rebuilding the kernel state it needs by replaying the steps before it
     * (with their solutions, as {@link #reset} does); step 1 when nothing was saved.
     */
    default StepOutcome resume() { return goTo(0); }

    /** Saves the learner's progress now (it is saved on every change; this brings the time spent up to date). */
    default void saveProgress() { }

    /** Starts the lab over: saved progress forgotten, a fresh sandbox, step 1. */
    default StepOutcome restart() { throw new IllegalStateException("this lab keeps no progress to start over from"); }

    /** Tears everything down; idempotent. */
    @Override void close();

    /** A saved place in the lab: the 0-based step to resume at and how many tasks were done. */
    record Resume(int stepIndex, int tasksDone) {}

    /** A step as the learner reads it. {@code text} is Markdown; {@code number} is 1-based. */
    record StepView(int number, String id, String title, String text, String task, boolean hasQuiz) {
        public boolean hasTask() { return task != null && !task.isBlank(); }
    }

    /**
     * What moving onto (or solving) a step produced; {@code measured} are the step's predictions graded against
     * the kernel's measurements (empty unless its actions ran with predictions).
     */
    record StepOutcome(StepView step, List<String> syscalls, List<String> output, List<Annotation> annotations,
                       CheckReport checks, List<String> notes, List<Measured> measured) {
        public StepOutcome {
            measured = measured == null ? List.of() : List.copyOf(measured);
        }

        public StepOutcome(StepView step, List<String> syscalls, List<String> output, List<Annotation> annotations,
                           CheckReport checks, List<String> notes) {
            this(step, syscalls, output, annotations, checks, notes, List.of());
        }
    }

    /**
     * One prediction and what the kernel measured: {@code what} names the value and the time it was watched,
     * {@code predicted} is null when the learner did not predict; {@code grade.expected()} is the measured value.
     */
    record Measured(String ask, String what, String predicted, Grade grade) {}

    /**
     * The learner's questions over a lab: right (of them, {@code firstAttempt} at the first attempt), answered, and
     * all; {@code predictions} of them are predictions.
     */
    record Score(int correct, int firstAttempt, int answered, int total, int predictions) {}

    /** {@code reason} is why a failed check failed ({@code jlab.lab.FailureReasons}); null when it passed. */
    record CheckResult(String description, boolean passed, String detail, String reason) {
        public CheckResult(String description, boolean passed, String detail) {
            this(description, passed, detail, passed ? null : jlab.lab.FailureReasons.FAILED);
        }

        public CheckResult {
            if (passed) reason = null;
            else if (reason == null) reason = jlab.lab.FailureReasons.FAILED;
        }
    }

    /** All checks of a step; empty when the step has no task. */
    record CheckReport(List<CheckResult> results) {
        public static final CheckReport NONE = new CheckReport(List.of());

        public boolean passed() { return !results.isEmpty() && results.stream().allMatch(CheckResult::passed); }
    }

    /** A command's fate: exit code or signal, and the syscalls jlab made for it. */
    record ExecOutcome(String status, int exitCode, List<String> syscalls, CheckReport checks) {}

    /** An interactive shell in the container, seen from jlab's side of its pseudo-terminal. */
    interface PtyShell {
        /** Its terminal inside the container, e.g. {@code /dev/pts/0}. */
        String tty();

        /** Output of the shell: bytes read, 0 when nothing came within {@code timeoutMillis}, -1 once it has ended. */
        int read(byte[] buffer, int timeoutMillis);

        /** Bytes typed on its terminal (^C, ^D and ^Z included: the terminal makes them signals or end of input). */
        void write(byte[] bytes, int offset, int length);

        void resize(int rows, int columns);

        /** Ends the shell if it still runs, reaps it, and evaluates the step's checks as after {@link #exec}. */
        ExecOutcome finish();
    }

    /** {@code PREDICT}: a number predicted before the step runs, graded against a measurement. */
    enum QuestionKind { CHOICE, MULTIPLE, NUMBER, TEXT, ORDER, PREDICT }

    /**
     * A question as the learner sees it: of step {@code step} (0-based) or of the end-of-lab quiz ({@link #END}),
     * number {@code index} there; {@code live} when graded against the kernel; {@code hints} how many it has;
     * {@code settled}, once it can no longer be answered (a prediction whose step has run), how it went.
     */
    record QuestionView(int step, int index, String ask, QuestionKind kind, List<String> choices, boolean live, int hints,
                        Settled settled) {
        public static final int END = -1;

        public QuestionView {
            choices = List.copyOf(choices);
        }

        /** {@code predicted}: the learner gave a prediction (right or wrong), not a step that ran past it. */
        public record Settled(String text, boolean predicted, boolean correct) {}
    }

    /** The verdict on one answer; {@code expected} is shown only once the learner is right or out of attempts. */
    record Grade(boolean correct, String expected, String explanation, int attemptsLeft) {}
}
