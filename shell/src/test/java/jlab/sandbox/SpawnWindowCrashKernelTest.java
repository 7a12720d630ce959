package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.kernel.ffm.FfmSyscalls;
import jlab.ledger.Cleanup;
import jlab.ledger.KernelReleaser;
import jlab.ledger.ProcStartTimes;
import jlab.proc.ProcFs;

/**
 * kill -9 of jlab after it spawned a container's init and before the ledger knew of it, the one moment
 * `jlab cleanup` could not find the init: the init is still at its gate then, sees its pipe close with jlab,
 * and exits without running its program, taking the pid namespace with it. Cleanup then finds nothing alive.
 */
@Tag("kernel")
@Tag("child-jvm")   // starts a JVM of its own: minutes under the VM's software emulation, so CI runs it on the host only
class SpawnWindowCrashKernelTest {
    private static final long DEADLINE_NANOS = 20_000_000_000L;
    private final ProcFs proc = new ProcFs();

    @Test
    void anInitSpawnedButNotYetInTheLedgerDiesWithJlabWithoutRunningItsProgram() throws Exception {
        assertThat(new FfmSyscalls().geteuid()).as("kernel tests run as root").isZero();
        List<String> hostMounts = jlab.HostMounts.lines();
        Path base = Files.createTempDirectory("jlab-spawn-window-test");
        Process child = jlab.ChildJvm.start(SpawnWindowMain.class, base.toString());
        int init;
        Path rootfs;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line = out.readLine();
            assertThat(line).as("the child spawned the init").startsWith("SPAWNED ");
            String[] words = line.split(" ");
            init = Integer.parseInt(words[1]);
            rootfs = Path.of(words[2]);
            assertThat(proc.status(init).orElseThrow().nsPids()).as("PID 1 of the container").endsWith(1);
            int spawner = (int) child.pid();
            List<String> argv = proc.spawnedCmdline(init, spawner);
            for (int i = 0; argv.isEmpty() && i < 10_000; i++) { // the child JVM's, then empty, for a moment
                LockSupport.parkNanos(100_000);
                argv = proc.spawnedCmdline(init, spawner);
            }
            assertThat(argv).as("still at its gate").startsWith("sh", "-c").hasSizeGreaterThan(3);
            assertThat(jlab.ChildJvm.recordedProcesses(base)).as("and not yet in the ledger").isEmpty();
        } finally {
            child.destroyForcibly();   // SIGKILL: no shutdown hook, no teardown
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (state(init) != 'X' && state(init) != 'Z') {
            assertThat(System.nanoTime()).as("the orphaned gate exits by itself").isLessThan(deadline);
            LockSupport.parkNanos(5_000_000);
        }
        assertThat(rootfs.resolve("ran")).as("its program never ran").doesNotExist();

        var report = new Cleanup(base, ProcStartTimes.system(), KernelReleaser.system(new FfmSyscalls())).run();

        assertThat(report.failures()).isEmpty();
        assertThat(report.cleaned()).hasSize(1);
        try (var left = Files.list(base)) {
            assertThat(left).isEmpty();
        }
        assertThat(jlab.HostMounts.lines()).isEqualTo(hostMounts);
        Files.delete(base);
    }

    /** Its state letter; X once gone. A zombie (Z) is dead: the machine's PID 1 reaps it, not us. */
    private char state(int pid) {
        return proc.stat(pid).map(s -> s.state()).orElse('X');
    }
}
