package jlab.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading interface files: small ones, ones larger than the reused buffer, missing ones and unreadable ones. */
class CgroupFilesTest {
    @TempDir Path dir;

    @Test void readsSmallFilesAndOnesLargerThanItsBuffer() throws IOException {
        Files.writeString(dir.resolve("cpu.cfs_quota_us"), "-1\n");
        assertThat(CgroupFiles.read(dir.resolve("cpu.cfs_quota_us"))).isEqualTo("-1\n");
        assertThat(CgroupFiles.readIfPresent(dir.resolve("cpu.cfs_quota_us"))).contains("-1\n");

        // a busy cgroup's cgroup.procs: 20 000 pids, about 120 KB
        List<Integer> pids = IntStream.rangeClosed(100_000, 119_999).boxed().toList();
        Files.writeString(dir.resolve("cgroup.procs"), String.join("\n", pids.stream().map(String::valueOf).toList()) + "\n");
        assertThat(CgroupFiles.pids(dir)).isEqualTo(pids);
        // and the buffer it grew for that does not leak into the next, small read
        assertThat(CgroupFiles.number(dir.resolve("cpu.cfs_quota_us"))).isEqualTo(Limits.UNLIMITED);
    }

    @Test void aMissingFileIsAbsentOrExplained() {
        assertThat(CgroupFiles.readIfPresent(dir.resolve("pids.events"))).isEmpty();
        assertThatThrownBy(() -> CgroupFiles.read(dir.resolve("pids.max"))).isInstanceOf(CgroupException.class)
                .hasMessage("cannot read " + dir.resolve("pids.max") + ": there is no such file (is its controller enabled for this cgroup?)");
    }

    @Test void aFileThatCannotBeOpenedIsAnErrorNotAbsent() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("memory.stat"));
        assertThatThrownBy(() -> CgroupFiles.readIfPresent(directory)).isInstanceOf(CgroupException.class)
                .hasMessageContaining("cannot read " + directory);
    }
}
