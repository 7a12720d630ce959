package jlab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jlab.events.EventRecording;
import jlab.inspect.Annotation;
import jlab.inspect.Inspectors;
import jlab.inspect.Observation;
import jlab.kernel.SyscallLog;
import jlab.lab.Action;
import jlab.lab.Lab;
import jlab.lab.ShellQuoting;
import jlab.lab.Step;
import jlab.proc.ProcFs;
import jlab.progress.LabProgress;
import jlab.progress.ProgressStore;
import jlab.sandbox.Sandbox;

/**
 * Runs one lab for one learner: moving onto a step runs its actions once (before/after snapshots of the
 * inspectors it observes give the annotated diff), tasks are checked against the live kernel after every
 * command, hints escalate, solutions are actions too, and progress is kept. The sandbox and how far the steps
 * ran in it are {@link LabSandbox}'s; questions are {@link LabQuiz}'s.
 */
public final class Engine implements LabSession, CgroupControl, StepEvents {

    /** Builds a fresh sandbox; called at the start and on every {@code reset}. */
    public interface SandboxFactory {
        Sandbox create() throws IOException;
    }

    private Lab lab;
    private final Path lessonRoot;
    private final SyscallLog log;
    private final ReasonHints reasonHints = new ReasonHints();
    private final LabSandbox run;
    private LabQuiz quiz;
    private final LabQuiz.Sleeper sleeper;
    private int index;
    private boolean warnedUnsolved;
    private Runnable onClose = () -> { };
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final ProgressStore progressStore;
    private final java.time.Clock clock;
    private ProgressTracker progress;
    private boolean resumable;

    public Engine(Lab lab, SandboxFactory sandboxes, ProcFs proc, Path lessonRoot, SyscallLog log,
                  boolean allowPidnsProcOption) throws IOException {
        this(lab, sandboxes, proc, lessonRoot, log, allowPidnsProcOption, ProgressStore.none(), java.time.Clock.systemUTC());
    }

    /** {@code progressStore}: where the learner's progress in this lab is loaded from and saved to. */
    public Engine(Lab lab, SandboxFactory sandboxes, ProcFs proc, Path lessonRoot, SyscallLog log,
                  boolean allowPidnsProcOption, ProgressStore progressStore, java.time.Clock clock) throws IOException {
        this(lab, sandboxes, proc, lessonRoot, log, allowPidnsProcOption, progressStore, clock, LabQuiz.Sleeper.REAL);
    }

    /** {@code sleeper} waits while predictions are measured. */
    Engine(Lab lab, SandboxFactory sandboxes, ProcFs proc, Path lessonRoot, SyscallLog log,
           boolean allowPidnsProcOption, ProgressStore progressStore, java.time.Clock clock, LabQuiz.Sleeper sleeper)
            throws IOException {
        this.sleeper = sleeper;
        this.progressStore = progressStore;
        this.clock = clock;
        this.lab = lab;
        this.lessonRoot = lessonRoot;
        this.log = log;
        Optional<LabProgress> saved = progressStore.load(lab.id());
        this.progress = saved.map(p -> ProgressTracker.restore(lab, clock, p)).orElseGet(() -> new ProgressTracker(lab, clock));
        this.resumable = saved.isPresent();
        this.quiz = new LabQuiz(lab, progress, this::saveProgress, sleeper);
        this.run = new LabSandbox(sandboxes, proc, allowPidnsProcOption);
        restoreCounters();
    }

    /**
     * Quiz attempts and hints as the tracker has them (saved, or none), graded against the current sandbox.
     * Follows every new sandbox. (Solved tasks and task hints are the tracker's own: nothing to restore.)
     */
    private void restoreCounters() {
        quiz.rebuild(new LiveValues(run.view())::read);
    }

    @Override public void saveProgress() {
        progressStore.save(progress.snapshot());
    }

    @Override public String labId() { return lab.id(); }

    @Override public String labTitle() { return lab.title(); }

    @Override public int stepCount() { return lab.steps().size(); }

    @Override public int stepIndex() { return index; }

    @Override public StepView currentStep() { return stepView(index); }

    private Step step() { return lab.steps().get(index); }

    private StepView stepView(int i) {
        Step s = lab.steps().get(i);
        return new StepView(i + 1, s.id(), s.title(), jlab.lab.LabVars.expandLeniently(lessonText(s), lab.vars()), s.task(),
                !s.quiz().isEmpty());
    }

    private String lessonText(Step s) {
        if (s.text() == null) return "";
        try {
            return Files.readString(lessonRoot.resolve(s.text()));
        } catch (IOException e) {
            return "(lesson text " + s.text() + " could not be read: " + e.getMessage() + ")";
        }
    }

    @Override public StepOutcome goTo(int target) {
        if (target < 0 || target >= stepCount()) {
            throw new IllegalArgumentException("there is no step " + (target + 1) + " (the lab has " + stepCount() + ")");
        }
        if (warnsUnsolved(target)) {
            warnedUnsolved = true;
            return new StepOutcome(currentStep(), List.of(), List.of(), List.of(), CheckReport.NONE,
                    List.of("The task of this step is not done yet — try `check`, `hint` or `solve`."
                            + " Type `next` again to move on anyway."));
        }
        return enter(target);
    }

    /** Moving on from a task not done yet is refused once, with a note. */
    private boolean warnsUnsolved(int target) {
        return target == index + 1 && step().hasTask() && !progress.isDone(index) && !warnedUnsolved
                && !run.evaluate(step().checks()).passed();
    }

    private StepOutcome enter(int target) {
        warnedUnsolved = false;
        List<String> notes = new ArrayList<>();
        List<String> output = new ArrayList<>();
        int mark = log.mark();
        for (int i = run.ranThrough() + 1; i < target; i++) {
            List<Action> skipped = lab.steps().get(i).actions();
            run.runRecorded(i, "step " + (i + 1) + " actions", skipped.isEmpty(), skipped, output::add, notes);
            notes.add("ran the actions of step " + (i + 1) + " (" + lab.steps().get(i).title() + ")");
            run.ranThrough(i);
        }
        index = target;
        progress.at(target);
        saveProgress();
        List<Annotation> annotations = new ArrayList<>();
        List<LabSession.Measured> measured = List.of();
        if (run.ranThrough() < target && step().actions().isEmpty() && !quiz.hasPredictions(target)) {
            run.ranThrough(target);
            for (String name : step().observe()) annotations.add(show(name));
        } else if (run.ranThrough() < target) {
            List<Observation<?>> observations = run.observe(step().observe());
            LabQuiz.Measurement measurement = quiz.measure(target);
            run.runRecorded(target, "step " + (target + 1) + " actions", false, step().actions(), output::add, notes);
            run.ranThrough(target);
            measured = measurement.finish(); // before the annotations: they show what was measured
            annotations.addAll(run.finish(observations));
        } else {
            for (String name : step().observe()) annotations.add(show(name));
            if (run.ranThrough() > target) {
                int from = target + 2, to = run.ranThrough() + 1;
                notes.add("the kernel still shows what step" + (from == to ? " " + to : "s " + from + "–" + to)
                        + " did: going back undoes nothing; `reset` rebuilds the sandbox as it was at this step");
            }
        }
        return new StepOutcome(currentStep(), syscallsSince(mark), output, annotations, taskChecks(), notes, measured);
    }

    private CheckReport taskChecks() {
        return step().hasTask() ? run.evaluate(step().checks()) : CheckReport.NONE;
    }

    @Override public CheckReport check() {
        CheckReport report = taskChecks();
        if (report.passed() && progress.done(index)) saveProgress();
        return report;
    }

    @Override public String hint() {
        if (!step().reasonHints().isEmpty() && step().hasTask()) {
            var matched = reasonHints.next(index, step(), taskChecks());
            if (matched.isPresent()) return matched.get();
        }
        List<String> hints = step().hints();
        if (hints.isEmpty()) return "";
        int n = Math.min(progress.hints(index), hints.size() - 1);
        if (progress.hints(index) < hints.size()) { // the last one again is not another hint used
            progress.hint(index);
            saveProgress();
        }
        return hints.size() == 1 ? hints.get(0) : "(" + (n + 1) + "/" + hints.size() + ") " + hints.get(n);
    }

    @Override public StepOutcome solve() {
        int mark = log.mark();
        List<String> notes = new ArrayList<>();
        List<String> output = new ArrayList<>();
        if (!step().hasTask()) {
            notes.add("This step has no task to solve.");
        } else {
            var observations = run.observe(step().observe());
            run.runRecorded(index, "solution", false, step().solution(), output::add, notes);
            List<Annotation> annotations = run.finish(observations);
            return new StepOutcome(currentStep(), syscallsSince(mark), output, annotations, check(), notes);
        }
        return new StepOutcome(currentStep(), syscallsSince(mark), output, List.of(), CheckReport.NONE, notes);
    }

    @Override public ExecOutcome exec(List<String> argv, Consumer<String> output) {
        return exec(argv, output, null);
    }

    /** {@code syscalls} null: the outcome lists the command's system calls instead. */
    @Override public ExecOutcome exec(List<String> argv, Consumer<String> output, Consumer<String> syscalls) {
        int mark = log.mark();
        jlab.sandbox.Commands.Result result;
        try (var watching = syscalls == null ? null : log.watch(entry -> syscalls.accept(entry.toString()))) {
            result = run.recorded(index, "! " + ShellQuoting.join(argv),
                    () -> run.sandbox().commands().run(argv, output, Long.MAX_VALUE / 4));
        }
        List<String> calls = syscalls == null ? syscallsSince(mark) : List.of();
        CheckReport report = step().hasTask() ? check() : CheckReport.NONE;
        return new ExecOutcome(result.status().describe(), result.exitCode(), calls, report);
    }

    @Override public void interrupt() {
        run.sandbox().commands().interrupt();
    }

    @Override public PtyShell openShell(String term, int rows, int columns) {
        int mark = log.mark();
        var shell = run.sandbox().commands().openShell(term, new jlab.kernel.WindowSize(rows, columns));
        return new ContainerPtyShell(shell, () -> syscallsSince(mark), () -> step().hasTask() ? check() : CheckReport.NONE);
    }

    @Override public List<QuestionView> quiz() {
        return quiz.views(index);
    }

    @Override public List<QuestionView> endQuiz() {
        return quiz.views(QuestionView.END);
    }

    @Override public void asking(QuestionView question) {
        quiz.asking(question);
    }

    @Override public Grade answer(QuestionView question, String answer) {
        return quiz.answer(question, answer);
    }

    @Override public String hint(QuestionView question) {
        return quiz.hint(question);
    }

    @Override public List<QuestionView> predictions(int target) {
        // Not when goTo would only warn: the learner would be asked again on the next `next`.
        return target > run.ranThrough() && target < stepCount() && !warnsUnsolved(target) ? quiz.predictions(target) : List.of();
    }

    @Override public void predict(QuestionView prediction, String answer) {
        quiz.predict(prediction, answer);
    }

    @Override public Score score() {
        return quiz.score();
    }

    @Override public Annotation show(String inspector) {
        return run.show(inspector);
    }

    @Override public List<String> inspectors() {
        return Inspectors.names();
    }

    @Override public List<String> syscalls() {
        return log.all().stream().map(SyscallLog.Entry::toString).toList();
    }

    private List<String> syscallsSince(int mark) {
        return log.since(mark).stream().map(SyscallLog.Entry::toString).toList();
    }

    @Override public StepOutcome reset() {
        return replayTo(index, index == 0 ? "sandbox rebuilt from scratch"
                : "sandbox rebuilt from scratch; " + stepsBefore(index) + " replayed" + withSolutions(index));
    }

    @Override public Optional<Resume> saved() {
        return resumable ? Optional.of(new Resume(progress.current(), progress.tasksDone())) : Optional.empty();
    }

    @Override public StepOutcome resume() {
        int target = progress.current();
        StepOutcome resumed = replayTo(target, target == 0 ? "progress restored"
                : "progress restored; " + stepsBefore(target) + " replayed" + withSolutions(target) + " to rebuild the kernel state");
        if (!progress.isDone(target) || !step().hasTask() || resumed.checks().passed()) return resumed;
        // What the learner did for this step's task was in the sandbox that ended with the last session.
        List<String> notes = new ArrayList<>(resumed.notes());
        notes.add("you did this step's task before you left; the rebuilt sandbox does not have it: do it again, "
                + "`solve` it, or `next` moves on");
        return new StepOutcome(resumed.step(), resumed.syscalls(), resumed.output(), resumed.annotations(),
                resumed.checks(), notes, resumed.measured());
    }

    /** How the steps before {@code index} were replayed: with the solutions of their tasks, if any. */
    private String withSolutions(int index) {
        long tasks = lab.steps().subList(0, index).stream().filter(Step::hasTask).count();
        return tasks == 0 ? "" : tasks == 1 ? " (with the task's solution)" : " (with the tasks' solutions)";
    }

    /** "step 1" or "steps 1–n": the steps before the 0-based step {@code index}. */
    private static String stepsBefore(int index) {
        return index == 1 ? "step 1" : "steps 1–" + index;
    }

    @Override public StepOutcome restart() {
        progressStore.clear(lab.id());
        progress = new ProgressTracker(lab, clock);
        quiz = new LabQuiz(lab, progress, this::saveProgress, sleeper);
        resumable = false;
        index = 0;
        return replayTo(0, "progress cleared; a fresh sandbox at step 1");
    }

    /** A fresh sandbox with steps 1..target (0-based, exclusive) replayed, solutions included, then step target entered. */
    private StepOutcome replayTo(int target, String note) {
        run.fresh();
        restoreCounters();
        List<String> notes = new ArrayList<>();
        List<String> output = new ArrayList<>();
        for (int i = 0; i < target; i++) {
            Step s = lab.steps().get(i);
            run.run(s.actions(), output::add, notes);
            if (s.hasTask()) run.run(s.solution(), output::add, notes);
            run.ranThrough(i);
        }
        notes.add(note);
        StepOutcome entered = enter(target);
        notes.addAll(entered.notes());
        return new StepOutcome(entered.step(), entered.syscalls(), entered.output(), entered.annotations(),
                entered.checks(), notes);
    }

    @Override public List<EventRecording> stepEvents() {
        return run.events(index);
    }

    @Override public List<String> setCgroup(String file, String value) {
        return run.cgroups().set(file, value);
    }

    @Override public List<String> moveInitIntoCgroup() {
        List<String> notes = new ArrayList<>();
        run.runOrThrow(new Action.CgroupMove("init"), notes);
        return notes;
    }

    @Override public Optional<CpuSample> cpuSample() {
        return run.cgroups().cpuSample();
    }

    /**
     * Swaps in an edited version of the lab (jlab start --watch), without touching the sandbox: the current step
     * stays current when its id still exists (else the step at the same place), progress (hints, solved tasks,
     * answers) follows its step ids, and steps whose actions already ran stay run. Call it between commands.
     *
     * @return the 1-based step the learner is on now
     */
    public int reload(Lab edited) {
        if (edited.steps().isEmpty()) throw new IllegalArgumentException("an edited lab needs at least one step");
        Lab before = lab;
        int ran = -1;
        for (int i = 0; i < edited.steps().size(); i++) {
            int old = before.indexOf(edited.steps().get(i).id());
            if (old >= 0 && old <= run.ranThrough()) ran = Math.max(ran, i);
        }
        int current = edited.indexOf(step().id());
        lab = edited;
        progress = ProgressTracker.restore(edited, clock, progress.snapshot()); // matched by step id and question text
        quiz = new LabQuiz(edited, progress, this::saveProgress, sleeper);
        quiz.rebuild(new LiveValues(run.view())::read);
        index = current >= 0 ? current : Math.min(index, edited.steps().size() - 1);
        // A new step in the learner's place has not run its actions: moving on runs them.
        run.ranThrough(current >= 0 ? Math.max(ran, index) : Math.min(ran, index - 1));
        return index + 1;
    }

    /** Runs after the sandbox is torn down, e.g. to release what the session's ledger still holds. */
    public void onClose(Runnable action) {
        this.onClose = action;
    }

    /** Safe from any thread, once: the shell's shutdown hook may call it while a command runs. */
    @Override public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            saveProgress();
            run.close();
        } finally {
            onClose.run();
        }
    }
}
