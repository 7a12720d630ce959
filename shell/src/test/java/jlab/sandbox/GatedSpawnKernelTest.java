package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.kernel.Namespace;
import jlab.kernel.SyscallLog;
import jlab.ledger.Resource;
import jlab.proc.ProcFs;

/**
 * Every process jlab starts in the container is in the ledger before its program runs: it waits at a gate
 * until jlab has noted it, and it never runs the program when the go-ahead does not come. The cgroup placer
 * is the probe: jlab calls it between the ledger's record and the go-ahead.
 */
@Tag("kernel")
class GatedSpawnKernelTest {
    private final ProcFs proc = new ProcFs();
    private ContainerFixture c;
    private final List<String> probed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws IOException {
        c = new ContainerFixture();
        c.sandbox.unshare(EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.NET, Namespace.PID));
        c.sandbox.makePrivate("/");
    }

    @AfterEach
    void close() throws IOException {
        c.close();
    }

    /** What the probe saw of {@code pid} when jlab was about to let it run: in the ledger? still at the gate? */
    private void probe(int pid) {
        boolean recorded = c.sandbox.ledger().live().stream().anyMatch(r -> r instanceof Resource.Process p && p.pid() == pid);
        int self = (int) ProcessHandle.current().pid();
        List<String> argv = proc.spawnedCmdline(pid, self);
        for (int i = 0; argv.isEmpty() && i < 10_000; i++) { // this JVM's, then empty, for a moment after the spawn
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
            argv = proc.spawnedCmdline(pid, self);
        }
        boolean atGate = argv.size() > 2 && argv.get(0).equals("sh") && argv.get(1).equals("-c") && argv.get(2).startsWith("read -r _ <&3 ");
        probed.add(pid + (recorded ? " recorded" : " unrecorded") + (atGate ? " at the gate" : " running " + argv));
    }

    @Test
    void theInitAndEveryCommandAreInTheLedgerBeforeTheirProgramRuns() {
        c.sandbox.placeNewProcessesWith(this::probe);
        int init = c.sandbox.spawnInit(List.of("/bin/sleep", "999999999"));
        int detached = c.sandbox.commands().spawnDetached(List.of("/bin/sleep", "1000"));
        c.run("sh", "-c", "exit 0");

        assertThat(probed).hasSize(3).allSatisfy(p -> assertThat(p).endsWith(" recorded at the gate"));
        assertThat(probed.get(0)).startsWith(init + " ");
        assertThat(probed.get(1)).startsWith(detached + " ");
        assertThat(proc.status(init).orElseThrow().nsPids()).as("the gate was the namespace's PID 1 and execs in place")
                .containsExactly(init, 1);
        assertThat(proc.cmdline(detached)).as("spawn returns once the program runs").containsExactly("/bin/sleep", "1000");
        assertThat(proc.stat(detached).orElseThrow().comm()).isEqualTo("sleep");
    }

    @Test
    void whatJlabLetRunIsNamedAsTheKernelNamesIt() throws IOException {
        c.sandbox.spawnInit(List.of("/bin/sleep", "999999999"));
        c.sandbox.install("tini"); // a program that does not rename itself, as busybox does to its applet's name
        Files.createSymbolicLink(c.sandbox.hostPath("/sbin/a-program-with-a-long-name"), Path.of("tini"));
        int sleep = c.sandbox.commands().spawnDetached(List.of("/bin/sleep", "1000"));
        int tini = c.sandbox.commands().spawnDetached(List.of("/sbin/a-program-with-a-long-name", "-s", "--", "sleep", "1000"));
        for (int pid : List.of(sleep, tini)) {
            assertThat(c.sandbox.commands().spawnedProgram(pid)).isEqualTo(proc.stat(pid).orElseThrow().comm());
        }
        assertThat(c.sandbox.commands().spawnedProgram(tini)).as("cut to 15 bytes").isEqualTo("a-program-with-");
        assertThat(c.sandbox.commands().spawnedProgram(1)).isNull();
    }

    @Test
    void withoutTheGoAheadTheProgramNeverRunsAndNothingIsLeft() throws IOException {
        c.sandbox.spawnInit(List.of("/bin/sleep", "999999999"));
        c.sandbox.placeNewProcessesWith(pid -> {
            probe(pid);
            throw new IllegalStateException("placing " + pid + " failed");
        });
        assertThatThrownBy(() -> c.sandbox.commands().spawnDetached(List.of("/bin/sh", "-c", "touch /ran")))
                .hasMessageStartingWith("placing ");
        assertThat(probed).singleElement().asString().endsWith(" recorded at the gate");
        int pid = Integer.parseInt(probed.getFirst().split(" ")[0]);

        assertThat(Path.of("/proc/" + pid)).as("the gate exited and was reaped").doesNotExist();
        assertThat(Files.exists(c.sandbox.hostPath("/ran"))).as("the program never ran").isFalse();
        assertThat(c.sandbox.ledger().live()).as("and it left the ledger")
                .noneMatch(r -> r instanceof Resource.Process p && p.pid() == pid);
    }

    @Test
    void theSyscallLogShowsTheLearnersProgramNotTheGate() {
        int mark = c.log.mark();
        int init = c.sandbox.spawnInit(List.of("/bin/sleep", "999999999"));
        c.run("hostname", "lab");
        List<SyscallLog.Entry> spawns = c.log.since(mark).stream().filter(e -> e.call().equals("posix_spawn")).toList();
        assertThat(spawns).extracting(SyscallLog.Entry::toString).hasSize(2).satisfiesExactly(
                first -> assertThat(first).isEqualTo("posix_spawn(\"/bin/sleep\", [\"/bin/sleep\", \"999999999\"]) = 0 (pid " + init + ")"),
                second -> assertThat(second).startsWith("posix_spawn(\"/bin/hostname\", [\"hostname\", \"lab\"]) = 0 (pid "));
        assertThat(c.log.since(mark)).extracting(SyscallLog.Entry::toString)
                .noneMatch(e -> e.contains("read -r") || e.contains("/bin/sh") || e.startsWith("write"));
    }

    @Test
    void aFailedSpawnNamesTheLearnersProgramNotTheGate() {
        c.sandbox.spawnInit(List.of("/bin/sleep", "999999999"));
        c.sandbox.signalInit(jlab.kernel.Signal.SIGKILL);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (c.sandbox.initRunning() && System.nanoTime() < deadline) java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        int mark = c.log.mark();

        assertThatThrownBy(() -> c.sandbox.commands().run(List.of("echo", "hi"), line -> { }, 5_000))
                .as("the pid namespace is dead: its init has exited")
                .hasMessageStartingWith("posix_spawn(\"/bin/echo\", [\"echo\", \"hi\"]) = -1 ENOMEM")
                .hasMessageNotContaining("read -r").hasMessageNotContaining("/bin/sh");
        assertThat(c.log.since(mark)).extracting(SyscallLog.Entry::toString)
                .noneMatch(e -> e.contains("read -r") || e.contains("/bin/sh"));
    }

    @Test
    void theProgramHasItsOwnStreamsAndNothingOfTheGate() throws IOException {
        int init = c.sandbox.spawnInit(List.of("/bin/sleep", "999999999"));
        try (var fds = Files.list(Path.of("/proc/" + init + "/fd"))) {
            assertThat(fds.map(p -> p.getFileName().toString()).sorted()).containsExactly("0", "1", "2");
        }
        for (int fd = 0; fd < 3; fd++) {
            assertThat(Files.readSymbolicLink(Path.of("/proc/" + init + "/fd/" + fd)).toString())
                    .as("the rootfs's /dev/null, as the host names it").isEqualTo(c.sandbox.hostPath("/dev/null").toString());
        }
        assertThat(c.run("sh", "-c", "cat; echo \"$SHLVL,$PWD,$PATH\"")).as("stdin is /dev/null, the environment jlab's")
                .isEqualTo("1,/,/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n");
        assertThat(c.run("env").lines().sorted()).containsExactly("HOME=/root",
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=dumb");
    }
}
