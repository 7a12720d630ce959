package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;

import jlab.kernel.ffm.FfmSyscalls;
import jlab.ledger.Cleanup;
import jlab.ledger.KernelReleaser;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.Resource;

/**
 * kill -9 of jlab in the middle of a lab, then cleanup: the container outlives the JVM (its init is
 * re-parented), and cleanup must leave no process, mount or directory behind.
 */
@Tag("kernel")
@Tag("child-jvm")   // starts JVMs of its own: minutes under the VM's software emulation, so CI runs it on the host only
class CrashCleanupKernelTest {

    @ParameterizedTest(name = "killed at step {0}")
    @ValueSource(ints = {2, 3, 6})
    void cleanupAfterSigkillLeavesNothing(int steps) throws Exception {
        assertThat(new FfmSyscalls().geteuid()).as("kernel tests run as root").isZero();
        List<String> hostMounts = jlab.HostMounts.lines();
        Path base = Files.createTempDirectory("jlab-crash-test");
        Process child = ChildJvm.start(LabToStepMain.class, base.toString(), "namespaces", String.valueOf(steps));
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line = out.readLine();
            assertThat(line).as("the child reached step " + steps).startsWith("READY");
        } finally {
            child.destroyForcibly();   // SIGKILL: no shutdown hook, no teardown
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        List<Resource.Process> processes = ChildJvm.recordedProcesses(base).stream()
                .filter(p -> Files.exists(Path.of("/proc/" + p.pid()))).toList();
        if (steps >= 3) assertThat(processes).as("the container's init outlived jlab").isNotEmpty();

        var report = new Cleanup(base, ProcStartTimes.system(), KernelReleaser.system(new FfmSyscalls())).run();

        assertThat(report.failures()).isEmpty();
        assertThat(report.cleaned()).hasSize(1);
        // Dead means gone or a zombie: the re-parented init is reaped by the machine's PID 1, not by us.
        for (var p : processes) {
            assertThat(new jlab.proc.ProcFs().stat(p.pid()).map(s -> s.state()).orElse('X'))
                    .as("process " + p.pid() + " after cleanup").isIn('X', 'Z');
        }
        try (var left = Files.list(base)) {
            assertThat(left).isEmpty();
        }
        assertThat(jlab.HostMounts.lines()).isEqualTo(hostMounts);
        Files.delete(base);
    }
}
