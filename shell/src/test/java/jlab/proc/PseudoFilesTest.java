package jlab.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading /proc and /sys files whole: the kernel's, files larger than the reused buffer, files that are not there. */
class PseudoFilesTest {
    @TempDir Path dir;

    @Test void readsAProcFileThatStatCallsEmpty() throws IOException {
        Path status = Path.of("/proc/self/status");
        assertThat(Files.size(status)).isZero();
        assertThat(PseudoFiles.read(status, StandardCharsets.UTF_8)).startsWith("Name:\t").contains("\nPid:\t").endsWith("\n");
        assertThat(PseudoFiles.read(Path.of("/proc/sys/kernel/ostype"), StandardCharsets.US_ASCII)).isEqualTo("Linux\n");
    }

    @Test void readsFilesLargerThanItsBufferAndSmallOnesAfterThem() throws IOException {
        String large = "2 1 0:21 / /proc rw,relatime - proc proc rw\n".repeat(1000) + "ünïcödé\n";
        Files.writeString(dir.resolve("mountinfo"), large);
        Files.writeString(dir.resolve("hostname"), "lab\n");
        assertThat(PseudoFiles.read(dir.resolve("mountinfo"), StandardCharsets.UTF_8)).isEqualTo(large);
        assertThat(PseudoFiles.read(dir.resolve("hostname"), StandardCharsets.UTF_8)).isEqualTo("lab\n");
        Files.writeString(dir.resolve("empty"), "");
        assertThat(PseudoFiles.read(dir.resolve("empty"), StandardCharsets.UTF_8)).isEmpty();
    }

    @Test void aFileThatCannotBeOpenedIsFileNotFound() {
        assertThatThrownBy(() -> PseudoFiles.read(dir.resolve("gone"), StandardCharsets.UTF_8)).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> PseudoFiles.read(dir, StandardCharsets.UTF_8)).isInstanceOf(FileNotFoundException.class);
    }
}
