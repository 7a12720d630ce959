package jlab.doctor;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import jlab.kernel.ffm.FfmSyscalls;

import static org.assertj.core.api.Assertions.assertThat;

class DoctorTest {

    private static final Runtime.Version JAVA_25 = Runtime.Version.parse("25.0.3+9-LTS");

    @TempDir
    Path dir;

    private Doctor doctorFor(FakeHost host, Path busybox) {
        return new Doctor(host.proc, host.sys, busybox, JAVA_25, Optional.empty(), Optional::empty);
    }

    @Test
    void healthyHostHasNineOkRowsAndExitsZero() {
        DoctorReport report = doctorFor(new FakeHost(dir), Path.of("/bin/busybox")).run();
        assertThat(report.findings()).extracting(Finding::check).containsExactly("running as root", "kernel ≥ 5.8",
                "namespaces", "overlayfs", "cgroups", "busybox-static", "JDK ≥ 25", "/proc of a new pid ns", "process events");
        assertThat(report.findings()).extracting(Finding::status).containsOnly(Status.OK);
        assertThat(report.exitStatus()).isZero();
        assertThat(report.render(false)).endsWith("All 9 checks passed.\n");
    }

    @Test
    void warningsAloneStillExitZero() {
        var host = new FakeHost(dir).write("proc/filesystems", "nodev\tproc\n");
        DoctorReport report = doctorFor(host, Path.of("/bin/busybox")).run();
        assertThat(report.exitStatus()).isZero();
        assertThat(report.render(false)).contains("0 failures, 1 warning.");
    }

    @Test
    void aFailureExitsOneAndSaysWhatToDo() {
        DoctorReport report = doctorFor(new FakeHost(dir), Path.of("/bin/ls")).run();
        assertThat(report.hasFailures()).isTrue();
        assertThat(report.exitStatus()).isEqualTo(1);
        String text = report.render(false);
        assertThat(text).contains("/bin/ls is dynamically linked").contains("apt-get install busybox-static")
                .contains("1 failure, 0 warnings: the labs cannot run until the failures are fixed.");
    }

    @Test
    void plainRenderingHasNoEscapeCharacters() {
        var host = new FakeHost(dir).write("proc/filesystems", "nodev\tproc\n");
        String text = doctorFor(host, Path.of("/bin/ls")).run().render(false);
        assertThat(text).doesNotContain("\u001b").contains("│ OK ").contains("│ WARN ").contains("│ FAIL ");
    }

    @Test
    void colorRenderingColoursOnlyTheStatusCell() {
        var host = new FakeHost(dir).write("proc/filesystems", "nodev\tproc\n");
        String plain = doctorFor(host, Path.of("/bin/ls")).run().render(false);
        String colored = doctorFor(host, Path.of("/bin/ls")).run().render(true);
        assertThat(colored).contains("│ \u001b[32mOK\u001b[0m ", "│ \u001b[33mWARN\u001b[0m ", "│ \u001b[31mFAIL\u001b[0m ");
        // The escape codes are added after layout: stripping them gives back the plain table.
        assertThat(colored.replaceAll("\u001b\\[\\d+m", "")).isEqualTo(plain);
        // The header cell "status" stays uncoloured.
        assertThat(colored.lines().filter(l -> l.contains("status"))).allMatch(l -> !l.contains("\u001b"));
    }

    @Test
    void probeIsPassedThrough() {
        var host = new FakeHost(dir);
        DoctorReport report = doctorFor(host, Path.of("/bin/busybox")).withPidnsProbe(() -> false).run();
        assertThat(report.findings()).filteredOn(f -> f.check().equals("/proc of a new pid ns")).singleElement()
                .extracting(Finding::found).asString().endsWith("no → a process inside mounts it");
    }

    @Test
    void aRefusedProcessEventsConnectorIsAWarningThatSaysWhatDoesNotWork() {
        String refusal = "the kernel refused to report process events: PROC_CN_MCAST_LISTEN = EPERM (Operation not permitted)";
        var host = new FakeHost(dir);
        DoctorReport report = new Doctor(host.proc, host.sys, Path.of("/bin/busybox"), JAVA_25, Optional.empty(),
                () -> Optional.of(refusal)).run();

        assertThat(report.findings().getLast()).satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.WARN);
            assertThat(f.found()).isEqualTo(refusal);
            assertThat(f.whatToDo()).startsWith("`show events` cannot replay the fork, exec and exit");
        });
        assertThat(report.exitStatus()).as("the labs run without it").isZero();
        assertThat(new Doctor(host.proc, host.sys, Path.of("/bin/busybox"), JAVA_25, Optional.empty(),
                () -> { throw new IllegalStateException("no netlink here"); }).run().findings().getLast().found())
                .isEqualTo("the process-events connector could not be opened: no netlink here");
    }

    /** This machine, as root: everything the labs need is here (see the preamble: Debian 12, kernel 6.18). */
    @Test
    @Tag("kernel")
    void thisMachinePassesAsRoot() {
        DoctorReport report = Doctor.forThisMachine(new FfmSyscalls()).run();
        assertThat(report.findings()).as(report.render(false))
                .filteredOn(f -> f.status() == Status.FAIL).isEmpty();
        assertThat(report.findings().getLast()).extracting(Finding::check, Finding::status)
                .containsExactly("process events", Status.OK);
        assertThat(report.findings().getFirst()).isEqualTo(Finding.ok("running as root", "euid 0"));
    }
}
