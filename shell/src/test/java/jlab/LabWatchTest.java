package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jlab.engine.Engine;
import jlab.engine.LabSession;
import jlab.kernel.LoggingSyscalls;
import jlab.kernel.RecordingSyscalls;
import jlab.kernel.SyscallLog;
import jlab.lab.Lab;
import jlab.lab.LabChanges;
import jlab.lab.LabLoader;
import jlab.ledger.KernelReleaser;
import jlab.ledger.Ledger;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.ProcessIdentity;
import jlab.proc.ProcFs;
import jlab.sandbox.BusyboxRootfs;
import jlab.sandbox.Sandbox;

/** `jlab start --watch`: an author's save reaches the running session between two commands (fake kernel). */
class LabWatchTest {
    private static final String LAB = """
            id: w
            title: Watched
            steps:
              - { id: intro, title: Intro }
              - { id: name, title: A name, task: "Name it.", solution: [ { exec: [hostname, x] } ],
                  check: [ { hostname: { is: x } } ] }
              - { id: end, title: End }
            """;

    @TempDir Path dir;

    private Engine engine(Lab lab, Path base) throws Exception {
        var fake = new RecordingSyscalls();
        Ledger ledger = Ledger.open(base, ProcessIdentity.self(ProcStartTimes.system()));
        var releaser = new KernelReleaser(fake, ProcStartTimes.system(), Path.of("/proc/self/mountinfo"), Duration.ofMillis(10));
        SyscallLog log = new SyscallLog();
        Engine engine = new Engine(lab, () -> Sandbox.create(new LoggingSyscalls(fake, log), fake, ledger,
                BusyboxRootfs.DEFAULT_BUSYBOX, releaser), new ProcFs(), dir, log, true);
        engine.onClose(() -> {
            ledger.teardown(releaser);
            ledger.close();
        });
        return engine;
    }

    @Test
    void aSavedEditIsSwappedInAtTheNextCommandKeepingTheStepById() throws Exception {
        Path file = Files.writeString(dir.resolve("w.yaml"), LAB);
        LabLoader loader = new LabLoader(dir, LabLoader.DEFAULT_INSPECTORS).withSeed(1);
        Lab lab = loader.load(file);
        List<String> notices = new CopyOnWriteArrayList<>();
        Path base = Files.createDirectory(dir.resolve("ledger"));
        try (LabWatch watch = new LabWatch(file, loader, lab, notices::add)) {
            LabSession session = watch.wrap(engine(lab, base));
            try (session) {
                session.goTo(1);
                assertThat(session.currentStep().id()).isEqualTo("name");

                Files.writeString(file, LAB.replace("  - { id: intro, title: Intro }\n",
                        "  - { id: intro, title: Intro }\n  - { id: extra, title: Extra }\n").replace("A name", "A new name"));
                // The file system's event comes on its own; wait for it (a loaded machine may take a while).
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (notices.isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
                assertThat(notices).as("the watcher saw the save").isNotEmpty();
                assertThat(notices.getFirst()).isEqualTo("↻ w.yaml: changed step 'name', added step 'extra' (applies at your next command)");

                var step = session.currentStep();
                assertThat(step.id()).isEqualTo("name");
                assertThat(step.number()).as("the step keeps its id, not its number").isEqualTo(3);
                assertThat(step.title()).isEqualTo("A new name");
                assertThat(notices).contains("↻ lab reloaded; you are on step 3 of 4");

                Files.writeString(file, "id: w\ntitle: [\n");
                watch.changed();
                assertThat(notices.getLast()).startsWith("✗ w.yaml has problems; the lab keeps running as it was:");
                assertThat(session.currentStep().title()).isEqualTo("A new name");
            }
        }
    }

    @Test
    void whenTheCurrentStepIsGoneTheLearnerStaysAtItsPlace() throws Exception {
        Path file = Files.writeString(dir.resolve("w.yaml"), LAB);
        LabLoader loader = new LabLoader(dir, LabLoader.DEFAULT_INSPECTORS);
        Lab lab = loader.load(file);
        Path base = Files.createDirectory(dir.resolve("ledger"));
        try (Engine engine = engine(lab, base)) {
            engine.goTo(1);
            Lab edited = loader.load(Files.writeString(file, LAB.replace("id: name,", "id: named,")));

            assertThat(engine.reload(edited)).isEqualTo(2);
            assertThat(engine.currentStep().id()).isEqualTo("named");
            assertThat(LabChanges.describe(lab, edited)).isEqualTo("added step 'named', removed step 'name'");
            assertThat(LabChanges.describe(lab, lab)).isEqualTo("no change to the steps");
        }
    }
}
