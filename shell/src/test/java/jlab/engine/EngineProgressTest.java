package jlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jlab.kernel.RecordingSyscalls;
import jlab.lab.Lab;
import jlab.lab.LabLoader;
import jlab.progress.InMemoryProgressStore;
import jlab.progress.LabProgress;
import jlab.progress.ProgressStore;
import jlab.shell.Labs;
import jlab.shell.ScriptConsole;
import jlab.shell.Shell;

/** Progress through an in-memory store: what a session records, resuming it in a new one, starting over. */
class EngineProgressTest {
    private static final Path HOME = LabLoader.home();
    private static final int HOSTNAME = 3;
    private FakeKernelEngines engines;
    private Lab lab;
    private final InMemoryProgressStore store = new InMemoryProgressStore();
    private final SteppingClock clock = new SteppingClock();

    /** Time that moves only when the test says so. */
    static final class SteppingClock extends Clock {
        Instant now = Instant.parse("2026-11-23T16:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(ZoneId zone) { return this; }

        @Override public Instant instant() { return now; }

        void advance(Duration d) { now = now.plus(d); }
    }

    @BeforeEach
    void load() throws Exception {
        engines = new FakeKernelEngines("jlab-progress-engine");
        lab = engines.lab;
    }

    @AfterEach
    void removeWorkspace() throws IOException {
        engines.close();
    }

    private Engine engine(RecordingSyscalls fake, ProgressStore progress) throws IOException {
        return engines.engine(fake, progress, clock);
    }

    private LabProgress saved() {
        return store.load("namespaces").orElseThrow();
    }

    /** Steps 1-4, the hostname task done by the learner, a hint, one wrong and one right answer, then on to step 5. */
    private void firstSession() throws IOException {
        try (Engine engine = engine(new RecordingSyscalls(), store)) {
            assertThat(engine.saved()).as("nothing saved yet").isEmpty();
            for (int i = 0; i <= HOSTNAME; i++) engine.goTo(i);
            assertThat(saved().step()).isEqualTo(4);
            assertThat(saved().vars()).as("the drawn hostname is kept for a resume").isEqualTo(lab.vars()).containsKey("hostname");
            assertThat(engine.hint()).isNotBlank();
            assertThat(saved().steps().get(HOSTNAME).hints()).isEqualTo(1);
            assertThat(engine.exec(List.of("hostname", lab.vars().get("hostname")), line -> { }).checks().passed()).isTrue();
            assertThat(saved().steps().get(HOSTNAME).done()).isTrue();
            assertThat(engine.answer(0, "CLONE_NEWNS").correct()).isFalse();
            assertThat(engine.answer(0, "CLONE_NEWUTS").correct()).isTrue();
            engine.goTo(HOSTNAME + 1);
            clock.advance(Duration.ofMinutes(7));
        }
    }

    @Test
    void aSessionRecordsStepsTasksHintsAnswersAndTime() throws IOException {
        firstSession();
        LabProgress p = saved();
        assertThat(p.version()).isEqualTo(1);
        assertThat(p.step()).isEqualTo(5);
        assertThat(p.reached()).isEqualTo(5);
        assertThat(p.stepCount()).isEqualTo(lab.steps().size());
        assertThat(p.tasksDone()).isEqualTo(1);
        assertThat(p.hintsUsed()).isEqualTo(1);
        var answer = p.steps().get(HOSTNAME).quiz().getFirst();
        assertThat(answer.answer()).isEqualTo("CLONE_NEWUTS");
        assertThat(answer.correct()).isTrue();
        assertThat(answer.attempts()).isEqualTo(2);
        assertThat(p.questionsAnswered()).isEqualTo(1);
        assertThat(p.timeSpentSeconds()).as("saved when the lab closes").isEqualTo(420);
        assertThat(p.lastSeen()).isEqualTo("2026-11-23T16:07:00Z");
    }

    @Test
    void aNewSessionResumesAtTheSavedStepWithTheKernelStateItNeeds() throws IOException {
        firstSession();
        var fake = new RecordingSyscalls();
        try (Engine engine = engine(fake, store)) {
            assertThat(engine.saved()).contains(new LabSession.Resume(HOSTNAME + 1, 1));
            var resumed = engine.resume();
            assertThat(engine.stepIndex()).isEqualTo(HOSTNAME + 1);
            assertThat(resumed.step().id()).isEqualTo("proc");
            assertThat(resumed.notes()).anyMatch(n -> n.contains("steps 1–4 replayed"));
            assertThat(fake.calls()).as("earlier steps' actions and the hostname solution, replayed")
                    .anyMatch(c -> c.startsWith("unshare(CLONE_NEWNS|CLONE_NEWUTS"))
                    .anyMatch(c -> c.startsWith("posix_spawn(/bin/hostname, hostname lab"));
            assertThat(fake.hostname()).isEqualTo(lab.vars().get("hostname"));

            engine.goTo(HOSTNAME);
            assertThat(engine.check().passed()).isTrue();
            var again = engine.answer(0, "CLONE_NEWNS");
            assertThat(again.attemptsLeft()).as("a question answered right stays answered").isZero();
            assertThat(saved().steps().get(HOSTNAME).quiz().getFirst().correct()).as("not overwritten").isTrue();
            assertThat(engine.hint()).as("hints carry on escalating").isNotBlank();
            assertThat(saved().steps().get(HOSTNAME).hints()).isEqualTo(2);
            int given = lab.steps().get(HOSTNAME).hints().size();
            for (int i = 0; i < given + 2; i++) engine.hint();
            assertThat(saved().steps().get(HOSTNAME).hints()).as("the last hint again is no further hint used").isEqualTo(given);
            assertThat(saved().reached()).as("going back keeps the furthest step").isEqualTo(5);
            assertThat(saved().step()).isEqualTo(4);
            clock.advance(Duration.ofMinutes(3));
        }
        assertThat(saved().timeSpentSeconds()).as("time adds up over sessions").isEqualTo(600);
    }

    @Test
    void resumingAtATaskDoneBeforeSaysTheRebuiltSandboxDoesNotHaveIt() throws IOException {
        try (Engine engine = engine(new RecordingSyscalls(), store)) {
            for (int i = 0; i <= HOSTNAME; i++) engine.goTo(i);
            assertThat(engine.exec(List.of("hostname", lab.vars().get("hostname")), line -> { }).checks().passed()).isTrue();
        }
        try (Engine engine = engine(new RecordingSyscalls(), store)) {
            var resumed = engine.resume();
            assertThat(resumed.step().number()).isEqualTo(HOSTNAME + 1);
            assertThat(resumed.checks().passed()).as("a fresh sandbox: the learner's hostname is gone").isFalse();
            assertThat(resumed.notes()).contains("you did this step's task before you left; the rebuilt sandbox does not "
                    + "have it: do it again, `solve` it, or `next` moves on");
            assertThat(engine.goTo(HOSTNAME + 1).step().number()).as("done is done: no warning").isEqualTo(HOSTNAME + 2);
        }
    }

    @Test
    void restartForgetsTheProgressAndStartsAtStepOne() throws IOException {
        firstSession();
        try (Engine engine = engine(new RecordingSyscalls(), store)) {
            engine.resume();
            var fresh = engine.restart();
            assertThat(fresh.step().number()).isEqualTo(1);
            assertThat(engine.saved()).isEmpty();
            LabProgress p = saved();
            assertThat(p.step()).isEqualTo(1);
            assertThat(p.reached()).isEqualTo(1);
            assertThat(p.tasksDone()).isZero();
            assertThat(p.hintsUsed()).isZero();
            assertThat(p.questionsAnswered()).isZero();
            assertThat(engine.goTo(1).step().number()).isEqualTo(2);
            engine.goTo(HOSTNAME);
            assertThat(engine.answer(0, "CLONE_NEWIPC").attemptsLeft()).as("quiz attempts start over too").isPositive();
        }
    }

    @Test
    void theShellSaysItResumesAndShowsProgressAndResults() throws IOException {
        Labs labs = new Labs() {
            @Override public List<LabSummary> list() { return List.of(new LabSummary("namespaces", lab.title(), "", 9)); }

            @Override public LabSession start(String id) {
                try {
                    return engine(new RecordingSyscalls(), store);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override public ProgressStore progress() { return store; }
        };
        var first = new ScriptConsole(List.of("start namespaces", "next", "next", "quit"), 100, false);
        new Shell(first, labs).run(List.of());
        assertThat(first.transcript()).doesNotContain("Resuming");

        var second = new ScriptConsole(List.of("start namespaces", "progress", "results --junit", "reset --progress", "quit"), 100, false);
        new Shell(second, labs).run(List.of());
        String seen = second.transcript();
        assertThat(seen).contains("Resuming at step 3 of 9 (0 tasks done). `reset --progress` starts over.",
                "namespaces 3/9 >", "| namespaces | 3/9  | 0/3        |",
                "<testsuite errors=\"0\" failures=", "name=\"namespaces\"",
                "Progress in namespaces cleared; starting over at step 1.", "namespaces 1/9 >");
        assertThat(seen).doesNotContain("Exception");
        assertThat(saved().step()).isEqualTo(1);
    }
}
