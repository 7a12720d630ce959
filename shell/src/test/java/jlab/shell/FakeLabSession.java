package jlab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jlab.engine.LabSession;
import jlab.inspect.Annotation;
import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;

/**
 * A three-step lab with no kernel behind it: step 2 asks for the hostname "lab" (two escalating hints,
 * a two-question quiz); {@code hostname X} sets a fake hostname, {@code sleep} blocks until interrupted.
 */
final class FakeLabSession implements LabSession, jlab.engine.StepEvents {

    private static final List<StepView> STEPS = List.of(
            new StepView(1, "intro", "Welcome", """
                    # What is a container?

                    A container is a process that sees its **own** view of the system: namespaces
                    decide what it sees, cgroups how much it may use.

                    - `unshare` moves the calling thread into new namespaces
                    - `chroot` changes the root directory
                    """, null, false),
            new StepView(2, "hostname", "Hostname", "The UTS namespace holds the hostname.", "Give the container the hostname 'lab'.", true),
            new StepView(3, "pid1", "PID 1", "The first process in a pid namespace is its init.", null, false));

    private final List<String> syscallLog = new ArrayList<>();
    private final ScriptConsole console;
    private int index;
    private final boolean[] ran = new boolean[STEPS.size()];
    private String hostname = "debian";
    private int hintsGiven;
    private final int[] attemptsLeft = {2, 1};
    private volatile boolean interrupted;
    int closeCount;
    final List<String> resizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    int interruptCount;
    /** The questions the shell said it was about to show, in order. */
    final List<String> asked = new java.util.ArrayList<>();

    /** {@code console}: the script that "presses" Ctrl-C during sleep; null in a real terminal. */
    FakeLabSession(ScriptConsole console) {
        this.console = console;
    }

    /** Step 3 "forked" three children that nobody waited for; step 2's recorder was refused by the kernel. */
    @Override public List<jlab.events.EventRecording> stepEvents() {
        if (!ran[index]) return List.of();
        var sh = new jlab.events.ProcessRef(105, 5, "sh");
        var child = new jlab.events.ProcessRef(106, 6, "sh");
        return switch (index) {
            case 1 -> List.of(jlab.events.EventRecording.refused("step 2 actions",
                    "the kernel refused to report process events: socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_CONNECTOR) = -1 EPROTONOSUPPORT (Protocol not supported)"));
            case 2 -> List.of(new jlab.events.EventRecording("step 3 actions", 0, List.of(
                    new jlab.events.ObservedEvent(new jlab.events.ProcEvent.Fork(2_000_000, 105, 105, 106, 106), child, sh),
                    new jlab.events.ObservedEvent(new jlab.events.ProcEvent.Exit(52_000_000, 106, 106, 0, 17, 105, 105),
                            new jlab.events.ProcessRef(106, 6, "sleep"), sh)),
                    java.util.Map.of(106, jlab.events.EventRecording.Fate.ZOMBIE), 0, null));
            default -> List.of();
        };
    }

    @Override public String labId() { return "demo"; }

    @Override public String labTitle() { return "A demo lab"; }

    @Override public int stepCount() { return STEPS.size(); }

    @Override public int stepIndex() { return index; }

    @Override public StepView currentStep() { return STEPS.get(index); }

    @Override public StepOutcome goTo(int target) {
        List<String> calls = new ArrayList<>();
        List<Annotation> annotations = new ArrayList<>();
        for (int i = 0; i <= target; i++) {
            if (ran[i]) continue;
            ran[i] = true;
            if (i == 1) {
                calls.add("unshare(CLONE_NEWUTS) = 0");
                annotations.add(new Annotation("namespaces", List.of("type", "host", "container"), List.of(
                        Row.of(Change.CHANGED, "uts", "4026531838", "4026532245"),
                        Row.of(Change.SAME, "mnt", "4026531841", "4026531841")), List.of("uts differs now")));
            }
        }
        syscallLog.addAll(calls);
        List<Measured> measured = List.of();
        if (target == 2 && prediction != null) {
            String predicted = prediction.equals("skip") ? null : prediction;
            prediction = null;
            measured = List.of(new Measured(ZOMBIES, "container.zombies, its change over the step's actions", predicted,
                    new Grade("3".equals(predicted), "3", "sh never waits for its children.", 0)));
        }
        index = target;
        return new StepOutcome(STEPS.get(index), calls, List.of(), annotations, check(), List.of(), measured);
    }

    private static final String ZOMBIES = "How many zombies will the step leave?";
    private String prediction;
    boolean predicts;

    /** Step 3 predicts its zombies before it runs. */
    @Override public List<QuestionView> predictions(int target) {
        return predicts && target == 2 && !ran[2]
                ? List.of(new QuestionView(2, 0, ZOMBIES, QuestionKind.PREDICT, List.of(), true, 1, null)) : List.of();
    }

    @Override public void predict(QuestionView prediction, String answer) {
        this.prediction = answer == null ? "skip" : answer;
    }

    @Override public List<QuestionView> endQuiz() {
        return List.of(new QuestionView(QuestionView.END, 0, "Does a container have its own kernel?", QuestionKind.CHOICE,
                List.of("yes", "no"), false, 1, null));
    }

    @Override public String hint(QuestionView question) {
        return question.step() == QuestionView.END ? "What does `uname -r` print inside?" : "Count the children sh forks.";
    }

    @Override public Score score() {
        return new Score(endRight ? 2 : 1, 1, endRight ? 3 : 2, 4, 1);
    }

    private boolean endRight;

    @Override public CheckReport check() {
        if (!STEPS.get(index).hasTask()) return CheckReport.NONE;
        boolean ok = hostname.equals("lab");
        return new CheckReport(List.of(
                new CheckResult("container hostname is 'lab'", ok, ok ? "" : "it is '" + hostname + "'"),
                new CheckResult("host hostname unchanged", true, "")));
    }

    @Override public String hint() {
        List<String> hints = List.of("Hostnames live in the UTS namespace.", "Run: `! hostname lab`");
        return index == 1 ? hints.get(Math.min(hintsGiven++, hints.size() - 1)) : "";
    }

    @Override public StepOutcome solve() {
        hostname = "lab";
        syscallLog.add("sethostname(\"lab\", 3) = 0");
        return new StepOutcome(STEPS.get(index), List.of("sethostname(\"lab\", 3) = 0"), List.of(), List.of(), check(), List.of());
    }

    @Override public ExecOutcome exec(List<String> argv, Consumer<String> output) {
        interrupted = false;
        switch (argv.getFirst()) {
            case "hostname" -> {
                if (argv.size() > 1) hostname = argv.get(1);
                else output.accept(hostname);
            }
            case "echo" -> output.accept(String.join(" ", argv.subList(1, argv.size())));
            case "sleep" -> {
                output.accept("sleeping");
                if (console != null) console.pressCtrlC();
                else waitForInterrupt(output);
                return new ExecOutcome(interrupted ? "killed by SIGINT" : "exited 0", interrupted ? 130 : 0, List.of(), check());
            }
            default -> {
                output.accept("sh: " + argv.getFirst() + ": not found");
                return new ExecOutcome("exited 127", 127, List.of(), check());
            }
        }
        String spawn = "posix_spawn(" + jlab.kernel.SyscallLog.quoteAll(argv) + ") = 0";
        syscallLog.add(spawn);
        return new ExecOutcome("exited 0", 0, List.of(spawn), check());
    }

    /**
     * A shell that echoes what is typed as a terminal would, runs {@code hostname X} on Enter, shows ^C,
     * and ends on {@code exit} or ^D. {@code resizes} records each window size it was given.
     */
    @Override public PtyShell openShell(String term, int rows, int columns) {
        resizes.add(rows + "x" + columns + " " + term);
        syscallLog.add("posix_spawn(\"/bin/sh\", [\"sh\"]) = 0"); // as the real one: the spawn, when it opens
        return new PtyShell() {
            private final java.util.concurrent.BlockingQueue<byte[]> output = new java.util.concurrent.LinkedBlockingQueue<>();
            private final StringBuilder line = new StringBuilder();
            private volatile boolean ended;

            @Override public String tty() { return "/dev/pts/0"; }

            @Override public int read(byte[] buffer, int timeoutMillis) {
                try {
                    byte[] next = output.poll(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (next == null) return ended ? -1 : 0;
                    System.arraycopy(next, 0, buffer, 0, next.length);
                    return next.length;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
            }

            @Override public void write(byte[] bytes, int offset, int length) {
                for (int i = offset; i < offset + length; i++) key((char) bytes[i]);
            }

            private void key(char c) {
                switch (c) {
                    case '\u0003' -> { line.setLength(0); say("^C\r\n# "); }
                    case '\u0004' -> ended = true;
                    case '\r' -> {
                        say("\r\n");
                        List<String> words = List.of(line.toString().strip().split(" +"));
                        line.setLength(0);
                        if (words.getFirst().equals("exit")) ended = true;
                        else if (words.getFirst().equals("hostname") && words.size() > 1) hostname = words.get(1);
                        if (!ended) say("# ");
                    }
                    default -> { line.append(c); say(String.valueOf(c)); }
                }
            }

            private void say(String text) { output.add(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }

            @Override public void resize(int r, int c) { resizes.add(r + "x" + c); }

            @Override public ExecOutcome finish() {
                return new ExecOutcome("exited 0", 0, List.of("posix_spawn(\"/bin/sh\", [\"sh\"]) = 0"), check());
            }
        };
    }

    /** In a real terminal (no script), sleep until Ctrl-C reaches {@link #interrupt()}, at most 30 s. */
    private void waitForInterrupt(Consumer<String> output) {
        for (int i = 1; i <= 30 && !interrupted; i++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!interrupted) output.accept("still sleeping " + i);
        }
    }

    @Override public void interrupt() {
        interruptCount++;
        interrupted = true;
    }

    @Override public List<QuestionView> quiz() {
        if (index != 1) return List.of();
        return List.of(
                new QuestionView(1, 0, "Which flag creates a new UTS namespace?", QuestionKind.CHOICE,
                        List.of("CLONE_NEWNS", "CLONE_NEWUTS", "CLONE_NEWIPC"), false, 0, null),
                new QuestionView(1, 1, "Which namespaces does `unshare -u` create?", QuestionKind.MULTIPLE,
                        List.of("uts", "pid", "net"), false, 0, null));
    }

    @Override public void asking(QuestionView question) {
        asked.add(question.ask());
    }

    @Override public Grade answer(QuestionView question, String answer) {
        if (question.step() == QuestionView.END) {
            endRight = answer.equals("no");
            return new Grade(endRight, endRight ? "no" : "", endRight ? "Containers share the host's kernel." : "", endRight ? 0 : 1);
        }
        int questionIndex = question.index();
        String expected = questionIndex == 0 ? "CLONE_NEWUTS" : "uts";
        boolean correct = answer.equals(expected);
        int left = correct ? attemptsLeft[questionIndex] : --attemptsLeft[questionIndex];
        String explain = questionIndex == 0 ? "UTS = UNIX Time-sharing System." : "-u is --uts.";
        return new Grade(correct, correct || left == 0 ? expected : null, correct || left == 0 ? explain : null, left);
    }

    @Override public Annotation show(String inspector) {
        if (!inspector.equals("ns")) throw new IllegalArgumentException("no inspector " + inspector);
        return new Annotation("namespaces", List.of("type", "host", "container"), List.of(
                Row.of(Change.SAME, "uts", "4026531838", "4026532245"),
                Row.of(Change.SAME, "pid", "4026531836", "4026531836")), List.of());
    }

    @Override public List<String> inspectors() { return List.of("ns", "pids", "mounts", "uts"); }

    @Override public List<String> syscalls() { return List.copyOf(syscallLog); }

    @Override public StepOutcome reset() {
        throw new IllegalStateException("umount2(\"/run/jlab/s1/merged\"): EBUSY (Device or resource busy)\n\tmore detail");
    }

    @Override public void close() {
        closeCount++;
        if (console == null) System.err.println("[fake lab: close() #" + closeCount + "]");
    }
}
