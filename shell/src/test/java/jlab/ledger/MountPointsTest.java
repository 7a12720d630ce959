package jlab.ledger;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MountPointsTest {
    // From this machine; the last line is a tmpfs mounted on "/tmp/ledger probe/a b".
    private static final String MOUNTINFO = """
            22 27 0:21 / /proc rw,relatime - proc proc rw
            27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            63 43 0:39 / /tmp/ledger\\040probe/a\\040b rw,relatime - tmpfs x rw
            """;

    @Test void listsEveryMountPointWithEscapesUndone() {
        assertThat(MountPoints.parse(MOUNTINFO)).containsExactly(
                Path.of("/proc"), Path.of("/"), Path.of("/sys/fs/cgroup"), Path.of("/sys/fs/cgroup/systemd"),
                Path.of("/tmp/ledger probe/a b"));
    }

    @Test void rejectsShortLines() {
        assertThatThrownBy(() -> MountPoints.parse("22 27 0:21 /")).isInstanceOf(IllegalArgumentException.class);
    }
}
