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
        String mountsBefore = Files.readString(Path.of("/proc/self/mountinfo"));
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
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).isEqualTo(mountsBefore);
    }

    private static List<Path> benchDirs() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("jlab-bench-")).sorted().toList();
        }
    }
}
