package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jlab.kernel.ffm.FfmSyscalls;
import jlab.ledger.Cleanup;
import jlab.ledger.KernelReleaser;
import jlab.ledger.LedgerContents;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.Resource;

/**
 * kill -9 of a jlab in the middle of the network lab, then `jlab cleanup`: the pins of the hub and blue
 * namespaces outlive the JVM as mounts, the container's init (whose namespace red is) as a re-parented
 * process; cleanup must unpin and kill them all, so that every namespace of the lab, and every veth and
 * bridge in them, goes, and nothing is left under the ledger base.
 */
@Tag("kernel")
@Tag("child-jvm")   // starts JVMs of its own: minutes under the VM's software emulation, so CI runs it on the host only
class NetworkCrashCleanupKernelTest {

    @ParameterizedTest(name = "killed after {0} steps")
    @ValueSource(ints = {3, 7})
    void cleanupAfterSigkillLeavesNoNamespaceLinkOrMount(int steps) throws Exception {
        assertThat(new FfmSyscalls().geteuid()).as("kernel tests run as root").isZero();
        List<String> hostLinks = NetworkLabResidueKernelTest.hostLinks();
        Path base = Files.createTempDirectory("jlab-net-crash-test");
        Process child = ChildJvm.start(LabToStepMain.class, base.toString(), "network", String.valueOf(steps));
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertThat(out.readLine()).as("the child reached step " + steps).startsWith("READY");
        } finally {
            child.destroyForcibly();   // SIGKILL: no shutdown hook, no teardown
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        List<Resource> live = live(base);
        List<Resource.NetNamespace> pins = live.stream().filter(r -> r instanceof Resource.NetNamespace)
                .map(r -> (Resource.NetNamespace) r).toList();
        List<Resource.Process> processes = live.stream().filter(r -> r instanceof Resource.Process)
                .map(r -> (Resource.Process) r).filter(p -> Files.exists(Path.of("/proc/" + p.pid()))).toList();
        assertThat(pins).as("hub" + (steps >= 7 ? " and blue" : "") + " pinned").hasSize(steps >= 7 ? 2 : 1);
        assertThat(nsfsMountsUnder(base)).as("the pins are mounts that outlived the JVM").hasSize(pins.size());
        assertThat(processes).as("the container's init, in red, outlived the JVM").isNotEmpty();

        var report = new Cleanup(base, ProcStartTimes.system(), KernelReleaser.system(new FfmSyscalls())).run();

        assertThat(report.failures()).isEmpty();
        assertThat(report.cleaned()).hasSize(1);
        assertThat(nsfsMountsUnder(base)).as("pins after cleanup").isEmpty();
        for (var p : processes) {
            assertThat(new jlab.proc.ProcFs().stat(p.pid()).map(s -> s.state()).orElse('X'))
                    .as("process " + p.pid() + " after cleanup").isIn('X', 'Z');
        }
        NetworkLabResidueKernelTest.assertNothingLeft(base, hostLinks);
    }

    private static List<String> nsfsMountsUnder(Path base) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .filter(l -> l.contains(base.toString()) && l.contains(" - nsfs ")).toList();
    }

    private static List<Resource> live(Path base) throws IOException {
        List<Resource> live = new ArrayList<>();
        try (var sessions = Files.list(base)) {
            for (Path dir : sessions.toList()) live.addAll(LedgerContents.read(dir.resolve("ledger.jsonl")).live());
        }
        return live;
    }
}
