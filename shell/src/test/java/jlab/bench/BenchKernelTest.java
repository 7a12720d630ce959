package jlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jlab.kernel.ffm.FfmSyscalls;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One quick iteration of the kernel benchmarks: they run and print ratios. No timing is asserted. */
@Tag("kernel")
class BenchKernelTest {

    @Test void containerAndSnapshotRunOnceAndLeaveNothingBehind() throws IOException {
        assertThat(jlab.kernel.ffm.FfmSyscalls.instance().geteuid()).as("kernel tests run as root").isZero();
        List<Path> before = benchDirs();
        String mountsBefore = jlab.HostMounts.text();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Bench.run(List.of("container", "snapshot", "--runs", "1", "--warmup", "0"), new FfmSyscalls(),
                Path.of("."), true, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).containsPattern("jlab \\(FFM, overlay\\)\\s+\\d")
                .containsPattern("util-linux unshare \\+ chroot\\s+\\d")
                .containsPattern("ratio jlab/util-linux unshare \\+ chroot: \\d+\\.\\d+")
                .containsPattern("jlab inspectors \\([a-z, ]+\\)\\s+\\d");
        assertThat(benchDirs()).isEqualTo(before);
        assertThat(jlab.HostMounts.text()).isEqualTo(mountsBefore);
    }

    @Test void networkRunsOnceBothWaysAndLeavesNoNamespaceLinkOrMount() throws IOException {
        assertThat(FfmSyscalls.instance().geteuid()).as("kernel tests run as root").isZero();
        Path ledgers = Files.createTempDirectory("jlab-net-bench-ledgers");
        List<Path> before = benchDirs();
        List<String> hostLinks = hostLinks();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Bench.run(List.of("network", "--runs", "1", "--warmup", "0"), new FfmSyscalls(), Path.of("."),
                ledgers, true, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).as("both contenders measured").containsPattern("jlab \\(rtnetlink\\)\\s+\\d")
                .containsPattern("ip script \\(iproute2\\)\\s+\\d")
                .containsPattern("ratio jlab/ip script \\(iproute2\\): \\d+\\.\\d+")
                .doesNotContain("not measured").doesNotContain("teardown left something");
        try (var left = Files.list(ledgers)) {
            assertThat(left).as("jlab's session directories, where it pins its namespaces").isEmpty();
        }
        Files.delete(ledgers);
        assertThat(benchNetns()).as("ip netns names of the benchmark").isEmpty();
        assertThat(ourMounts()).as("mounts of the benchmark left in this mount namespace").isEmpty();
        assertThat(hostLinks()).as("the machine's own links").isEqualTo(hostLinks);
        assertThat(benchDirs()).isEqualTo(before);
    }

    /** The links of the machine's own network namespace, as its sysfs lists them. */
    private static List<String> hostLinks() throws IOException {
        try (var links = Files.list(Path.of("/sys/class/net"))) {
            return links.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> benchNetns() throws IOException {
        Path dir = Path.of("/run/netns");
        if (!Files.isDirectory(dir)) return List.of();
        try (var names = Files.list(dir)) {
            return names.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(NetworkBench.NAME_PREFIX)).toList();
        }
    }

    /** Mount lines naming the benchmark's namespaces or ledgers (other tests on the machine may mount meanwhile). */
    private static List<String> ourMounts() throws IOException {
        return jlab.HostMounts.lines().stream()
                .filter(l -> l.contains(NetworkBench.NAME_PREFIX) || l.contains("jlab-net-bench-ledgers") || l.contains(" /run/netns "))
                .toList();
    }

    private static List<Path> benchDirs() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("jlab-bench-")).sorted().toList();
        }
    }
}
