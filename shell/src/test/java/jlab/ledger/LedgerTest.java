package jlab.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerTest {
    private static final ProcessIdentity OWNER = new ProcessIdentity(4242, 79217);

    @TempDir Path base;

    private final Resource.Cgroup cgroup = new Resource.Cgroup(Path.of("/sys/fs/cgroup/pids/jlab-test"));
    private final Resource.NetNamespace netns = new Resource.NetNamespace(Path.of("/run/jlab/x/net"));
    private final Resource.Process init = new Resource.Process(5000, 80000);
    private final Resource.Mount overlay = new Resource.Mount(Path.of("/run/jlab/x/merged"), true);

    @Test void opensASessionWhoseFirstResourceIsItsOwnDirectory() throws IOException {
        try (Ledger ledger = Ledger.open(base, OWNER)) {
            assertThat(ledger.sessionId()).matches("s4242-[0-9a-f]{6}");
            assertThat(ledger.sessionDir()).isEqualTo(base.resolve(ledger.sessionId())).isDirectory();
            assertThat(ledger.live()).containsExactly(new Resource.Directory(ledger.sessionDir()));
            assertThat(ledger.owner()).map(SessionOwner::process).hasValue(OWNER);
            assertThat(Files.readAllLines(ledger.file())).hasSize(2).first().asString()
                    .startsWith("{\"op\":\"owner\",\"pid\":4242,\"startTime\":79217,\"started\":\"");
        }
    }

    @Test void twoSessionsOfOneOwnerGetTwoDirectories() throws IOException {
        try (Ledger a = Ledger.open(base, OWNER); Ledger b = Ledger.open(base, OWNER)) {
            assertThat(a.sessionDir()).isNotEqualTo(b.sessionDir());
        }
    }

    @Test void sessionsOfOneProcessGetDistinctNetworkSubnets() throws IOException {
        java.util.Set<jlab.net.LabSubnet> subnets = new java.util.HashSet<>();
        for (int i = 0; i < 256; i++) {
            try (Ledger ledger = Ledger.open(base, OWNER)) {
                assertThat(subnets.add(jlab.net.LabSubnet.forSession(ledger.sessionId())))
                        .as("session %d, %s", i, ledger.sessionId()).isTrue();
            }
        }
    }

    @Test void recordIsOnDiskBeforeItReturns() throws IOException {
        try (Ledger ledger = Ledger.open(base, OWNER)) {
            assertThat(ledger.record(netns)).isSameAs(netns);

            // The file as another process (a later `jlab cleanup`) would read it right now.
            assertThat(LedgerContents.read(ledger.file()).live())
                    .containsExactly(new Resource.Directory(ledger.sessionDir()), netns);
        }
    }

    @Test void liveIsCreatedMinusReleasedInCreationOrder() throws IOException {
        try (Ledger ledger = Ledger.open(base, OWNER)) {
            ledger.record(cgroup);
            ledger.record(netns);
            ledger.record(init);
            ledger.released(netns);
            ledger.record(overlay);

            Resource.Directory own = new Resource.Directory(ledger.sessionDir());
            assertThat(ledger.live()).containsExactly(own, cgroup, init, overlay);
            assertThat(LedgerContents.read(ledger.file()).live()).containsExactly(own, cgroup, init, overlay);
        }
    }

    @Test void recordAllAndReleasedAllWriteSeveralLinesAtOnce() throws IOException {
        try (Ledger ledger = Ledger.open(base, OWNER)) {
            Resource.NetNamespace other = new Resource.NetNamespace(Path.of("/run/jlab/x/other"));
            assertThat(ledger.recordAll(java.util.List.of(netns, other, cgroup))).containsExactly(netns, other, cgroup);
            Resource.Directory own = new Resource.Directory(ledger.sessionDir());
            assertThat(LedgerContents.read(ledger.file()).live()).as("on disk when it returns").containsExactly(own, netns, other, cgroup);
            int lines = Files.readAllLines(ledger.file()).size();

            ledger.releasedAll(java.util.List.of(other, netns));
            assertThat(ledger.live()).containsExactly(own, cgroup);
            assertThat(LedgerContents.read(ledger.file()).live()).containsExactly(own, cgroup);
            assertThat(Files.readAllLines(ledger.file())).hasSize(lines + 2);

            assertThatThrownBy(() -> ledger.releasedAll(java.util.List.of(cgroup, netns))).as("netns is no longer live")
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/run/jlab/x/net");
            assertThat(ledger.live()).as("nothing released when one is not live").containsExactly(own, cgroup);
            assertThat(Files.readAllLines(ledger.file())).hasSize(lines + 2);
        }
    }

    @Test void releasingWhatIsNotLiveIsAnError() throws IOException {
        try (Ledger ledger = Ledger.open(base, OWNER)) {
            ledger.record(init);
            ledger.released(init);

            assertThatThrownBy(() -> ledger.released(init)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("process 5000");
        }
    }

    @Test void teardownReleasesNewestFirstThenTheSessionDirectory() throws IOException {
        RecordingReleaser releaser = new RecordingReleaser();
        Ledger ledger = Ledger.open(base, OWNER);
        ledger.record(cgroup);
        ledger.record(netns);
        ledger.record(init);

        TeardownReport report = ledger.teardown(releaser);

        Resource.Directory own = new Resource.Directory(ledger.sessionDir());
        assertThat(releaser.released()).containsExactly(init, netns, cgroup, own);
        assertThat(report.clean()).isTrue();
        assertThat(report.released()).extracting(TeardownReport.Released::resource).containsExactly(init, netns, cgroup, own);
        assertThat(ledger.sessionDir()).doesNotExist();
        assertThat(ledger.sessionDirRemoved()).isTrue();
        assertThat(ledger.live()).isEmpty();
        assertThatThrownBy(() -> ledger.record(init)).isInstanceOf(IllegalStateException.class);
    }

    @Test void teardownGoesOnPastAFailureAndKeepsTheLedger() throws IOException {
        RecordingReleaser releaser = new RecordingReleaser().failOn(netns);
        try (Ledger ledger = Ledger.open(base, OWNER)) {
            ledger.record(cgroup);
            ledger.record(netns);
            ledger.record(init);

            TeardownReport report = ledger.teardown(releaser);

            Resource.Directory own = new Resource.Directory(ledger.sessionDir());
            assertThat(releaser.released()).containsExactly(init, cgroup);
            assertThat(report.failures()).extracting(TeardownReport.Failure::resource).containsExactly(netns, own);
            assertThat(report.failures().getFirst().reason()).isEqualTo("test says no to network namespace pinned at /run/jlab/x/net");
            assertThat(report.lines()).containsExactly(
                    "released process 5000 (start time 80000): released by test",
                    "released cgroup /sys/fs/cgroup/pids/jlab-test: released by test",
                    "FAILED   network namespace pinned at /run/jlab/x/net: test says no to network namespace pinned at /run/jlab/x/net",
                    "FAILED   directory " + ledger.sessionDir()
                            + ": kept, with its ledger, because the resources above remain; run `jlab cleanup` later");
            // What a later cleanup will find: only the failed resource besides the directory.
            assertThat(LedgerContents.read(ledger.file()).live()).containsExactly(own, netns);
            assertThat(ledger.live()).containsExactly(own, netns);
        }
    }

    @Test void teardownOfAClosedLedgerIsRefused() throws IOException {
        Ledger ledger = Ledger.open(base, OWNER);
        ledger.close();

        assertThatThrownBy(() -> ledger.teardown(new RecordingReleaser())).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.sessionDir()).isDirectory();
    }
}
