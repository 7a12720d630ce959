package jlab.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class CleanupTest {
    private static final ProcessIdentity DEAD = new ProcessIdentity(4242, 79217);
    private static final ProcessIdentity ALIVE = new ProcessIdentity(4343, 80000);

    @TempDir Path base;

    private final FakeStartTimes startTimes = new FakeStartTimes().running(ALIVE);
    private final RecordingReleaser releaser = new RecordingReleaser();
    private final Resource.Cgroup cgroup = new Resource.Cgroup(Path.of("/sys/fs/cgroup/pids/jlab-test"));
    private final Resource.NetNamespace netns = new Resource.NetNamespace(Path.of("/run/jlab/x/net"));
    private final Resource.Process init = new Resource.Process(5000, 80000);

    private Cleanup cleanup() {
        return new Cleanup(base, startTimes, releaser);
    }

    /** A session as a {@code kill -9} leaves it: resources recorded, ledger closed, nothing released. */
    private Ledger crashedSession(ProcessIdentity owner, Resource... resources) throws IOException {
        Ledger ledger = Ledger.open(base, owner);
        for (Resource r : resources) ledger.record(r);
        ledger.close();
        return ledger;
    }

    @Test void tearsDownADeadOwnersSessionNewestFirst() throws IOException {
        Ledger dead = crashedSession(DEAD, cgroup, netns, init);

        CleanupReport report = cleanup().run();

        assertThat(releaser.released()).containsExactly(init, netns, cgroup, new Resource.Directory(dead.sessionDir()));
        assertThat(dead.sessionDir()).doesNotExist();
        assertThat(report.cleaned()).singleElement().satisfies(c -> {
            assertThat(c.sessionId()).isEqualTo(dead.sessionId());
            assertThat(c.whyDead()).isEqualTo("owner pid 4242 is gone");
        });
        assertThat(report.resourcesReleased()).isEqualTo(4);
        assertThat(report.clean()).isTrue();
        assertThat(report.lines().getFirst()).isEqualTo("1 dead session(s) cleaned, 4 resource(s) released, 0 failure(s)");
    }

    @Test void anOwnerPidWithAnotherStartTimeCountsAsDead() throws IOException {
        startTimes.running(new ProcessIdentity(DEAD.pid(), DEAD.startTime() + 1));
        Ledger dead = crashedSession(DEAD, init);

        CleanupReport report = cleanup().run();

        assertThat(dead.sessionDir()).doesNotExist();
        assertThat(report.cleaned()).singleElement().extracting(CleanupReport.Cleaned::whyDead).asString()
                .contains("now belongs to a process started at 79218, not 79217");
    }

    @Test void neverTouchesTheSessionOfARunningOwner() throws IOException {
        Ledger live = crashedSession(ALIVE, cgroup, init);

        CleanupReport report = cleanup().run();

        assertThat(releaser.released()).isEmpty();
        assertThat(LedgerContents.read(live.file()).live()).hasSize(3);
        assertThat(report.cleaned()).isEmpty();
        assertThat(report.skipped()).containsExactly(
                new CleanupReport.Skipped(live.sessionId(), "its owner, jlab pid 4343, still runs"));
    }

    @Test void cleansOnlyTheDeadOfTwoSessions() throws IOException {
        Ledger live = crashedSession(ALIVE, netns);
        Ledger dead = crashedSession(DEAD, init);

        CleanupReport report = cleanup().run();

        assertThat(releaser.released()).containsExactly(init, new Resource.Directory(dead.sessionDir()));
        assertThat(live.sessionDir()).isDirectory();
        assertThat(dead.sessionDir()).doesNotExist();
        assertThat(report.cleaned()).extracting(CleanupReport.Cleaned::sessionId).containsExactly(dead.sessionId());
        assertThat(report.skipped()).extracting(CleanupReport.Skipped::sessionId).containsExactly(live.sessionId());
    }

    @Test void toleratesALedgerCutMidLine() throws IOException {
        Ledger dead = crashedSession(DEAD, netns);
        Files.writeString(dead.file(), "{\"op\":\"create\",\"kind\":\"process\",\"pi", StandardOpenOption.APPEND);

        CleanupReport report = cleanup().run();

        assertThat(releaser.released()).containsExactly(netns, new Resource.Directory(dead.sessionDir()));
        assertThat(dead.sessionDir()).doesNotExist();
        assertThat(report.cleaned().getFirst().ledgerProblems()).singleElement().asString()
                .startsWith("line 4 (truncated");
    }

    @Test void keepsWhatFailedForTheNextRun() throws IOException {
        Ledger dead = crashedSession(DEAD, cgroup, netns, init);
        releaser.failOn(netns);

        CleanupReport first = cleanup().run();

        assertThat(first.clean()).isFalse();
        assertThat(first.failures()).extracting(TeardownReport.Failure::resource)
                .containsExactly(netns, new Resource.Directory(dead.sessionDir()));
        assertThat(LedgerContents.read(dead.file()).live())
                .containsExactly(new Resource.Directory(dead.sessionDir()), netns);

        releaser.stopFailing();
        CleanupReport second = cleanup().run();

        assertThat(second.clean()).isTrue();
        assertThat(second.resourcesReleased()).isEqualTo(2);
        assertThat(releaser.released()).containsExactly(init, cgroup, netns, new Resource.Directory(dead.sessionDir()));
        assertThat(dead.sessionDir()).doesNotExist();
    }

    @Test void leavesALedgerAloneWhileSomeoneHoldsIt() throws IOException {
        try (Ledger held = Ledger.open(base, DEAD)) {
            held.record(init);

            CleanupReport report = cleanup().run();

            assertThat(releaser.released()).isEmpty();
            assertThat(report.skipped()).singleElement().extracting(CleanupReport.Skipped::reason).asString()
                    .contains("locked by another process");
            assertThat(held.sessionDir()).isDirectory();
        }
    }

    @Test void removesADirectoryLeftWithoutLedgerOnlyWhenItsCreatorIsGoneOrItIsOld() throws IOException {
        Path orphan = Files.createDirectory(base.resolve("s4242-abcdef"));
        Path young = Files.createDirectory(base.resolve("s4343-abcdef"));
        Instant now = Files.getLastModifiedTime(young).toInstant();

        CleanupReport soon = new Cleanup(base, startTimes, releaser, Duration.ofSeconds(30),
                Clock.fixed(now.plusSeconds(5), ZoneOffset.UTC)).run();

        assertThat(orphan).doesNotExist();
        assertThat(young).isDirectory();
        assertThat(soon.cleaned()).singleElement().extracting(CleanupReport.Cleaned::whyDead)
                .isEqualTo("no owner line, and pid 4242 from its name is gone");
        assertThat(soon.skipped()).containsExactly(new CleanupReport.Skipped("s4343-abcdef", "being created by pid 4343"));

        CleanupReport later = new Cleanup(base, startTimes, releaser, Duration.ofSeconds(30),
                Clock.fixed(now.plusSeconds(31), ZoneOffset.UTC)).run();

        assertThat(young).doesNotExist();
        assertThat(later.cleaned()).singleElement().extracting(CleanupReport.Cleaned::whyDead)
                .isEqualTo("no owner line for more than 30 s: abandoned");
    }

    @Test void ignoresWhatIsNotASession() throws IOException {
        Path notes = Files.writeString(base.resolve("notes.txt"), "mine");
        Path other = Files.createDirectory(base.resolve("other"));
        Path link = Files.createSymbolicLink(base.resolve("s4242-000000"), other);

        CleanupReport report = cleanup().run();

        assertThat(notes).exists();
        assertThat(other).isDirectory();
        assertThat(link).isSymbolicLink();
        assertThat(releaser.released()).isEmpty();
        assertThat(report.skipped()).extracting(CleanupReport.Skipped::sessionId)
                .containsExactly("notes.txt", "other", "s4242-000000");
    }

    @Test void aMissingBaseHasNothingToClean() throws IOException {
        CleanupReport report = new Cleanup(base.resolve("absent"), startTimes, releaser).run();

        assertThat(report.cleaned()).isEmpty();
        assertThat(report.skipped()).isEmpty();
    }
}
