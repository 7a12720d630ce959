package jlab.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Cleanup of dead sessions against real processes, mounts and cgroups. Needs root. */
@Tag("kernel")
class LedgerKernelTest {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    @TempDir Path tmp;

    private final StartTimes startTimes = ProcStartTimes.system();
    private final List<java.lang.Process> started = new ArrayList<>();
    private final List<Path> mounted = new ArrayList<>();
    private Path base;
    private ProcessIdentity deadOwner;
    private Cleanup cleanup;

    @BeforeEach void setUp() throws IOException {
        assertThat(ProcessHandle.current().info().user()).as("kernel tests run as root").hasValue("root");
        base = Files.createDirectory(tmp.resolve("run-jlab"));
        ProcessIdentity self = ProcessIdentity.self(startTimes);
        // This JVM's pid with another start time: an owner that existed once and is dead now.
        deadOwner = new ProcessIdentity(self.pid(), self.startTime() - 1);
        KernelReleaser releaser = new KernelReleaser(KernelTestSyscalls.create(), startTimes, MOUNTINFO, Duration.ofSeconds(2));
        cleanup = new Cleanup(base, startTimes, releaser);
    }

    @AfterEach void removeResidue() throws Exception {
        for (java.lang.Process p : started) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        for (Path m : mounted.reversed()) {
            if (isMountPoint(m)) run("umount", "-l", m.toString());
        }
        assertThat(started).allSatisfy(p -> assertThat(p.isAlive()).isFalse());
        assertThat(mountsUnder(tmp)).as("mounts left under " + tmp).isEmpty();
    }

    private java.lang.Process sleep() throws IOException {
        java.lang.Process p = new ProcessBuilder("sleep", "60").start();
        started.add(p);
        return p;
    }

    private Resource.Process identity(java.lang.Process p) {
        int pid = Math.toIntExact(p.pid());
        return new Resource.Process(pid, startTimes.startTime(pid).orElseThrow());
    }

    private Path mountTmpfs(Path target) throws Exception {
        mounted.add(target);
        run("mount", "-t", "tmpfs", "-o", "size=1m", "jlab-ledger-test", target.toString());
        return target;
    }

    private Ledger crashedSession(Resource... resources) throws IOException {
        Ledger ledger = Ledger.open(base, deadOwner);
        for (Resource r : resources) ledger.record(r);
        ledger.close();
        return ledger;
    }

    @Test void killsTheProcessOfADeadSession() throws Exception {
        java.lang.Process sleep = sleep();
        Resource.Process recorded = identity(sleep);
        Ledger dead = crashedSession(recorded);

        CleanupReport report = cleanup.run();

        assertThat(sleep.waitFor(5, TimeUnit.SECONDS)).as("sleep exited").isTrue();
        assertThat(startTimes.startTime(recorded.pid())).isEmpty();
        assertThat(dead.sessionDir()).doesNotExist();
        assertThat(report.clean()).as(String.join("\n", report.lines())).isTrue();
        assertThat(report.cleaned()).singleElement().satisfies(c -> assertThat(c.teardown().released())
                .contains(new TeardownReport.Released(recorded, "killed (SIGKILL)")));
    }

    @Test @org.junit.jupiter.api.Tag("child-jvm") void cleansUpAfterAJlabKilledWithSigkill() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        java.lang.Process jlab = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingSession.class.getName(), base.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(jlab);
        String ready = new java.io.BufferedReader(new java.io.InputStreamReader(jlab.getInputStream())).readLine();
        assertThat(ready).startsWith("ready ");
        ProcessHandle sleep = ProcessHandle.of(Long.parseLong(ready.substring(6))).orElseThrow();
        try {
            CleanupReport whileRunning = cleanup.run();

            assertThat(whileRunning.cleaned()).isEmpty();
            assertThat(whileRunning.skipped()).singleElement().extracting(CleanupReport.Skipped::reason).asString()
                    .contains("jlab pid " + jlab.pid() + ", still runs");
            assertThat(sleep.isAlive()).isTrue();

            jlab.destroyForcibly();
            assertThat(jlab.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(sleep.isAlive()).as("the orphaned sleep outlives its jlab").isTrue();
            CleanupReport afterCrash = cleanup.run();

            assertThat(afterCrash.clean()).as(String.join("\n", afterCrash.lines())).isTrue();
            assertThat(afterCrash.resourcesReleased()).isEqualTo(2);
            assertThat(startTimes.startTime(Math.toIntExact(sleep.pid()))).isEmpty();
            assertThat(base).isEmptyDirectory();
        } finally {
            // Only if it is still the sleep started above: the handle checks its start time.
            sleep.destroyForcibly();
        }
    }

    @Test void neverKillsAPidRecordedWithAnotherStartTime() throws Exception {
        java.lang.Process sleep = sleep();
        Resource.Process real = identity(sleep);
        Resource.Process stale = new Resource.Process(real.pid(), real.startTime() - 1);
        Ledger dead = crashedSession(stale);

        CleanupReport report = cleanup.run();

        assertThat(sleep.waitFor(300, TimeUnit.MILLISECONDS)).as("sleep exited").isFalse();
        assertThat(startTimes.startTime(real.pid())).hasValue(real.startTime());
        assertThat(dead.sessionDir()).doesNotExist();
        assertThat(report.cleaned().getFirst().teardown().released().getFirst().how()).contains("left alone");
    }

    @Test void refusesToDeleteThroughAMountAndCleansOnceItIsGone() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("lab-work"));
        Path mnt = mountTmpfs(Files.createDirectory(work.resolve("mnt")));
        Path precious = Files.writeString(mnt.resolve("precious"), "in the tmpfs");
        Ledger dead = crashedSession(new Resource.Directory(work));

        CleanupReport first = cleanup.run();

        assertThat(first.failures()).hasSize(2).first().satisfies(f -> {
            assertThat(f.resource()).isEqualTo(new Resource.Directory(work));
            assertThat(f.reason()).contains("mounted under it at " + mnt.toRealPath());
        });
        assertThat(precious).hasContent("in the tmpfs");
        assertThat(dead.file()).exists();

        run("umount", mnt.toString());
        CleanupReport second = cleanup.run();

        assertThat(second.clean()).as(String.join("\n", second.lines())).isTrue();
        assertThat(work).doesNotExist();
        assertThat(dead.sessionDir()).doesNotExist();
    }

    @Test void unmountsAHostMountBeforeRemovingItsDirectory() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("lab-work"));
        Path mnt = Files.createDirectory(work.resolve("merged"));
        Ledger dead = crashedSession(new Resource.Directory(work), new Resource.Mount(mnt, true));
        mountTmpfs(mnt);
        Files.writeString(mnt.resolve("upper-file"), "x");

        CleanupReport report = cleanup.run();

        assertThat(report.clean()).as(String.join("\n", report.lines())).isTrue();
        assertThat(isMountPoint(mnt)).isFalse();
        assertThat(work).doesNotExist();
        assertThat(dead.sessionDir()).doesNotExist();
    }

    @Test void unpinsANetworkNamespace() throws Exception {
        Path pin = tmp.resolve("net");
        Ledger dead = crashedSession(new Resource.NetNamespace(pin));
        Files.createFile(pin);
        mounted.add(pin);
        // What `ip netns add` does: a new network namespace, kept alive by a bind mount of its nsfs file.
        run("unshare", "--net=" + pin, "true");
        assertThat(isMountPoint(pin)).isTrue();

        CleanupReport report = cleanup.run();

        assertThat(report.clean()).as(String.join("\n", report.lines())).isTrue();
        assertThat(isMountPoint(pin)).isFalse();
        assertThat(pin).doesNotExist();
        assertThat(dead.sessionDir()).doesNotExist();
    }

    @Test void followsNoSymlinkOutOfADirectory() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside/sub"));
        Files.writeString(outside.resolve("precious"), "keep me");
        Path work = Files.createDirectories(tmp.resolve("lab-work"));
        Files.createSymbolicLink(work.resolve("escape"), tmp.resolve("outside"));
        Ledger dead = crashedSession(new Resource.Directory(work));

        CleanupReport report = cleanup.run();

        assertThat(report.clean()).as(String.join("\n", report.lines())).isTrue();
        assertThat(work).doesNotExist();
        assertThat(outside.resolve("precious")).hasContent("keep me");
        assertThat(dead.sessionDir()).doesNotExist();
    }

    @Test void reportsACgroupThatStillHoldsProcesses() throws Exception {
        // cgroup v1 (this build machine) has a pids hierarchy; on cgroup v2 (the VM) the unified root takes children.
        Path hierarchy = Files.isDirectory(Path.of("/sys/fs/cgroup/pids")) ? Path.of("/sys/fs/cgroup/pids") : Path.of("/sys/fs/cgroup");
        Path cgroup = hierarchy.resolve("jlab-ledger-test-" + ProcessHandle.current().pid());
        java.lang.Process sleep = sleep();
        try {
            Ledger dead = crashedSession(new Resource.Cgroup(cgroup));
            Files.createDirectory(cgroup);
            Files.writeString(cgroup.resolve("cgroup.procs"), Long.toString(sleep.pid()));

            CleanupReport first = cleanup.run();

            assertThat(first.failures()).first().satisfies(f -> assertThat(f.reason())
                    .startsWith("EBUSY: processes remain in it").contains(Long.toString(sleep.pid())));
            assertThat(cgroup).isDirectory();

            sleep.destroyForcibly();
            sleep.waitFor(5, TimeUnit.SECONDS);
            CleanupReport second = cleanup.run();

            assertThat(second.clean()).as(String.join("\n", second.lines())).isTrue();
            assertThat(cgroup).doesNotExist();
            assertThat(dead.sessionDir()).doesNotExist();
        } finally {
            sleep.destroyForcibly();
            sleep.waitFor(5, TimeUnit.SECONDS);
            if (Files.isDirectory(cgroup)) Files.delete(cgroup);
        }
    }

    private static boolean isMountPoint(Path path) throws IOException {
        // @TempDir paths have no symlinks in them, so they compare as mountinfo spells them.
        return MountPoints.read(MOUNTINFO).contains(path.toAbsolutePath().normalize());
    }

    private static List<Path> mountsUnder(Path dir) throws IOException {
        Path real = dir.toRealPath();
        return MountPoints.read(MOUNTINFO).stream().filter(m -> m.startsWith(real)).toList();
    }

    private static void run(String... command) throws Exception {
        java.lang.Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
