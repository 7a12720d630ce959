package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.shell.command.CommandRegistry;

/** Whole sessions typed into the shell, judged by what the learner reads. */
class ShellSessionTest {

    private ScriptConsole console;
    private FakeLabs labs;

    private String session(String... lines) {
        return session(false, lines);
    }

    private String session(boolean predictions, String... lines) {
        console = new ScriptConsole(List.of(lines));
        labs = new FakeLabs(console);
        labs.predictions = predictions;
        new Shell(console, labs, CommandRegistry.standard(), false).run(List.of());
        return console.transcript();
    }

    /** The part of the transcript from the line that typed {@code command} up to the next prompt. */
    private static String after(String transcript, String command) {
        int start = transcript.indexOf("> " + command + "\n");
        assertThat(start).as("transcript has the command %s", command).isGreaterThanOrEqualTo(0);
        int from = start + command.length() + 3;
        int next = transcript.indexOf(" > ", from);
        return transcript.substring(from, next < 0 ? transcript.length() : transcript.lastIndexOf('\n', next) + 1);
    }

    @Test
    void aWholeLabFromStartToQuit() {
        String t = session("start demo", "next", "check", "! hostname lab", "hint", "hint",
                "quiz", "3", "2", "1,2", "show ns", "back", "step 3", "nxt", "quit");

        assertThat(after(t, "start demo"))
                .contains("A demo lab (3 steps)", "Step 1/3 · Welcome", "What is a container?",
                        "• `unshare` moves the calling thread into new namespaces")
                .doesNotContain("**");
        assertThat(t).contains("demo 1/3 > next");

        String next = after(t, "next");
        assertThat(next).contains("Step 2/3 · Hostname", "unshare(CLONE_NEWUTS) = 0", "namespaces",
                "│ ~ │ uts  │ 4026531838 │ 4026532245 │", "• uts differs now",
                "Task: Give the container the hostname 'lab'.",
                "✗ container hostname is 'lab' — it is 'debian'",
                "quiz: 2 questions — type `quiz`");

        assertThat(after(t, "check")).contains("✗ container hostname is 'lab'", "✓ host hostname unchanged")
                .doesNotContain("task done");

        assertThat(after(t, "! hostname lab"))
                .contains("posix_spawn([\"hostname\", \"lab\"]) = 0", "(exited 0)",
                        "✓ container hostname is 'lab'", "✓ task done");

        String hints = t.substring(t.indexOf("> hint\n"));
        assertThat(hints).contains("hint: Hostnames live in the UTS namespace.");
        assertThat(after(hints.substring(hints.indexOf("> hint\n") + 1), "hint")).contains("hint: Run: `! hostname lab`");

        String quiz = t.substring(t.indexOf("> quiz\n"), t.indexOf("> show ns"));
        assertThat(quiz).contains("1/2 Which flag creates a new UTS namespace?", "2) CLONE_NEWUTS",
                "answer> 3", "✗ not quite — 1 attempt left", "answer> 2", "✓ correct",
                "UTS = UNIX Time-sharing System.", "2/2 Which namespaces",
                "answer> 1,2", "✗ incorrect — the answer is uts", "-u is --uts.", "score: 1/2");

        assertThat(after(t, "show ns")).contains("┌", "│   │ type │ host       │ container  │",
                "│   │ uts  │ 4026531838 │ 4026532245 │");
        assertThat(after(t, "back")).contains("Step 1/3 · Welcome");
        assertThat(after(t, "step 3")).contains("Step 3/3 · PID 1", "its init");
        assertThat(after(t, "nxt")).isEqualTo("unknown command 'nxt' (did you mean 'next'?)\n");
        assertThat(t).endsWith("demo 3/3 > quit\n");
        assertThat(labs.last().closeCount).isEqualTo(1);
    }

    @Test
    void shJoinsTheTerminalToTheContainersShellAndChecksWhenItEnds() {
        var terminal = new ScriptedRawTerminal(List.of("hostname lab\r", "sleep 30"))
                .type("\u0003").resize(50, 132).type("exit\r");
        console = new ScriptConsole(List.of("start demo", "next", "sh", "! echo back at the prompt"));
        console.rawMode(terminal);
        labs = new FakeLabs(console);
        new Shell(console, labs, CommandRegistry.standard(), false).run(List.of());
        String t = console.transcript();

        assertThat(terminal.written()).as("what the learner saw while inside: the spawn first, as it happened")
                .startsWith("  posix_spawn(\"/bin/sh\", [\"sh\"]) = 0\r\n"
                        + "[a shell inside the container on /dev/pts/0; exit or Ctrl-D returns to jlab]\r\n")
                .contains("hostname lab\r\n# ", "sleep 30^C\r\n# ", "exit\r\n");
        assertThat(labs.last().resizes).as("the size at the start, in the terminal's type, then the new one")
                .containsExactly("24x80 xterm-256color", "50x132");
        assertThat(labs.last().interruptCount).as("^C went to the inner shell, not to jlab").isZero();
        assertThat(terminal.closed).as("the terminal is given back").isTrue();
        assertThat(after(t, "sh")).contains("(sh: exited 0)", "✓ container hostname is 'lab'", "✓ task done")
                .as("not shown a second time").doesNotContain("posix_spawn");
        assertThat(after(t, "! echo back at the prompt")).contains("back at the prompt");
    }

    @Test
    void shNeedsARealTerminal() {
        String t = session("start demo", "sh", "sh now");
        assertThat(after(t, "sh")).isEqualTo("`sh` needs a real terminal and this console is not one — use `exec <command>` instead\n");
        assertThat(after(t, "sh now")).startsWith("usage: sh (no arguments");
    }

    @Test
    void commandsThatNeedALabSaySoAndEndOfInputLeaves() {
        String t = session("next", "show ns", "", "   ", "start demos");
        assertThat(after(t, "next")).isEqualTo("no lab started — try `start demo`\n");
        assertThat(after(t, "show ns")).isEqualTo("no lab started — try `start demo`\n");
        assertThat(after(t, "start demos")).isEqualTo("unknown lab 'demos' (did you mean 'demo'?)\n");
        assertThat(t).endsWith("jlab > ^D\n\n");
    }

    @Test
    void ctrlCAtThePromptClearsTheLineAndDuringACommandInterruptsIt() {
        String t = session("start demo", ScriptConsole.CTRL_C, "! sleep 100", "! echo still here");
        assertThat(t).contains("demo 1/3 > ^C\ndemo 1/3 > ! sleep 100\n");
        assertThat(after(t, "! sleep 100")).contains("sleeping", "(killed by SIGINT)");
        assertThat(after(t, "! echo still here")).contains("still here", "(exited 0)");
        assertThat(labs.last().interruptCount).isEqualTo(1);
        assertThat(console.pressCtrlC()).as("no handler left once the command ended").isFalse();
        assertThat(labs.last().closeCount).as("Ctrl-D tears the lab down").isEqualTo(1);
    }

    @Test
    void aFailingCommandCostsOneLineNotTheSession() {
        String t = session("start demo", "reset", "! nosuch", "! echo 'a  b' \"c d\"", "! echo 'open", "hint");
        assertThat(after(t, "reset"))
                .isEqualTo("umount2(\"/run/jlab/s1/merged\"): EBUSY (Device or resource busy)\n");
        assertThat(after(t, "! nosuch")).contains("sh: nosuch: not found", "(exited 127)");
        assertThat(after(t, "! echo 'a  b' \"c d\"")).startsWith("a  b c d\n");
        assertThat(after(t, "! echo 'open")).isEqualTo("unterminated ' quote\n");
        assertThat(after(t, "hint")).isEqualTo("no hint for this step\n");
        assertThat(t).doesNotContain("\tat jlab.", "Exception");
    }

    @Test
    void debugModePrintsTheStackTrace() {
        console = new ScriptConsole(List.of("start demo", "reset"));
        labs = new FakeLabs(console);
        new Shell(console, labs, CommandRegistry.standard(), true).run(List.of());
        assertThat(console.transcript()).contains("java.lang.IllegalStateException", "at jlab.shell.FakeLabSession.reset");
    }

    @Test
    void initialCommandsRunBeforeThePrompt() {
        console = new ScriptConsole(List.of("quit"));
        labs = new FakeLabs(console);
        new Shell(console, labs, CommandRegistry.standard(), false).run(List.of("start demo"));
        assertThat(console.transcript()).startsWith("A demo lab (3 steps)").contains("demo 1/3 > quit");
        assertThat(labs.last().closeCount).isEqualTo(1);
    }

    @Test
    void solveAndStepWithoutArgumentShowTheTaskState() {
        String t = session("start demo", "next", "solve", "step", "check");
        assertThat(after(t, "solve")).contains("sethostname(\"lab\", 3) = 0", "✓ task done");
        assertThat(after(t, "step")).contains("Step 2/3 · Hostname", "✓ container hostname is 'lab'", "quiz: 2 questions");
        assertThat(after(t, "check")).contains("✓ task done");
    }

    @Test
    void atTheAnswerPromptShowAndBangLookAtTheContainerAndTheQuestionWaits() {
        String t = session("start demo", "next", "quiz", "show ns", "! hostname lab", "2", "1", "quit");
        String quiz = t.substring(t.indexOf("> quiz\n"));
        assertThat(quiz).contains("answer> show ns", "4026532245", "answer> ! hostname lab",
                "back to question 1/2: Which flag creates a new UTS namespace?", "answer> 2", "✓ correct");
        assertThat(quiz.indexOf("4026532245")).as("the table comes before the answer").isLessThan(quiz.indexOf("answer> 2"));
        assertThat(labs.last().asked).as("each question is announced once, as it is shown").containsExactly(
                "Which flag creates a new UTS namespace?", "Which namespaces does `unshare -u` create?");
    }

    @Test
    void quizCanBeSkippedAndStopped() {
        String t = session("start demo", "next", "quiz", "CLONE_NEWUTS", "skip", "quiz", "7", "clone_newuts", ScriptConsole.CTRL_C);
        String first = t.substring(t.indexOf("> quiz\n"), t.lastIndexOf("> quiz\n"));
        assertThat(first).contains("✓ correct", "skipped", "score: 1/2");
        String second = t.substring(t.lastIndexOf("> quiz\n"));
        assertThat(second).contains("pick a number from 1 to 3 (or type `skip`)", "✓ correct",
                "quiz stopped", "score: 1/2 (1 not answered)");
    }

    @Test
    void nextAsksTheStepsPredictionFirstAndShowsTheMeasurement() {
        String t = session(true, "start demo", "next", "next", "hint", "many", "3", "quiz end", "yes", "no", "quit");
        String moved = t.substring(t.lastIndexOf("> next\n"), t.indexOf("> quiz end"));
        assertThat(moved).contains("Before step 3 runs, predict", "How many zombies will the step leave?",
                "hint: Count the children sh forks.", "a prediction is a number (or `skip`)",
                "Prediction: How many zombies will the step leave?", "✓ you predicted 3 — the kernel measured 3",
                "sh never waits for its children.", "Step 3/3 · PID 1",
                "the last step: the end-of-lab quiz has 1 question — type `quiz end`");
        assertThat(moved.indexOf("Before step 3 runs")).as("asked before the step shows").isLessThan(moved.indexOf("Step 3/3"));
        String end = after(t, "quiz end");
        assertThat(end).contains("end-of-lab quiz: 1 question", "Does a container have its own kernel?",
                "✗ not quite", "hint: What does `uname -r` print inside?", "✓ correct", "Containers share the host's kernel.",
                "score: 1/1", "the whole lab: 2/4 questions right (3 answered, 1 right at the first attempt, 1 prediction among them)");
    }

    @Test
    void backingOutOfAPredictionStaysOnTheStepAndSkippingStillMeasures() {
        String t = session(true, "start demo", "next", "next", ScriptConsole.CTRL_C, "next", "skip", "quit");
        assertThat(t).contains("stayed at step 2; nothing ran", "not predicted — the kernel measured 3");
        assertThat(t.indexOf("Step 3/3")).as("step 3 ran once, after the skip").isGreaterThan(t.indexOf("stayed at step 2"));
    }

    @Test
    void helpListsEveryCommandAndExplainsOne() {
        String t = session("help", "help quiz", "help nxt");
        assertThat(after(t, "help")).contains("start <lab>", "step [n]", "exec <command…>", "quit");
        assertThat(after(t, "help quiz")).contains("quiz [end]  answer the step's questions", "several choices:", "1,3");
        assertThat(after(t, "help nxt")).isEqualTo("no command 'nxt' (did you mean 'next'?)\n");
    }

    @Test
    void listShowsTheLabs() {
        String t = session("list");
        assertThat(after(t, "list")).contains("demo  A demo lab (3 steps)", "Three steps, a task and a quiz.");
    }

    @Test
    void completionOffersCommandsLabsAndInspectors() {
        session("start demo");
        assertThat(console.complete(List.of("st"))).contains("start", "step", "show");
        assertThat(console.complete(List.of("start", ""))).containsExactly("demo");
        assertThat(console.complete(List.of("help", "q"))).contains("quiz", "quit");
    }

    @Test
    void showCompletesInspectorsOfTheRunningLab() {
        console = new ScriptConsole(List.of());
        labs = new FakeLabs(console);
        Shell shell = new Shell(console, labs, CommandRegistry.standard(), false);
        shell.execute("start demo");
        assertThat(console.complete(List.of("show", ""))).containsExactly("syscalls", "events", "ns", "pids", "mounts", "uts");
        shell.execute("show nss");
        shell.execute("show syscalls");
        assertThat(console.transcript()).contains("nothing called 'nss' to show (did you mean 'ns'?)");
        assertThat(shell.prompt()).isEqualTo("demo 1/3 > ");
    }

    @Test
    void showEventsReplaysTheStepsTimelineOrSaysWhyThereIsNone() {
        String t = session("start demo", "show events", "step 3", "show events", "step 2", "show events");
        assertThat(after(t, "show events")).startsWith("no process events recorded in this step yet");
        assertThat(t).contains("step 3 actions: sh forked 1 child; 1 exited; nobody waited (1 zombie left)")
                .contains("    +52.0 ms  6 (106)        exit  5 sh               sleep            exit 0, zombie: not waited for")
                .contains("step 2 actions: the kernel refused to report process events: socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC,"
                        + " NETLINK_CONNECTOR) = -1 EPROTONOSUPPORT (Protocol not supported)");
        assertThat(t).doesNotContain("Exception");
    }

    @Test
    void longLinesBreakAtTheTerminalsWidthWhenItIsKnown() {
        console = new ScriptConsole(List.of("start demo", "step 2", "show events"), 110, true).wrapping();
        new Shell(console, new FakeLabs(console), CommandRegistry.standard(), false).run(List.of());
        assertThat(after(console.transcript(), "show events")).isEqualTo("""
                step 2 actions: the kernel refused to report process events: socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC,
                  NETLINK_CONNECTOR) = -1 EPROTONOSUPPORT (Protocol not supported)
                """);
        assertThat(console.transcript().lines()).allMatch(l -> l.length() <= 110);
    }
}
