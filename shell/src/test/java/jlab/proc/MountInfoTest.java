package jlab.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class MountInfoTest {

    /** The head of `cat /proc/self/mountinfo` on the dev machine: all private, no optional fields. */
    private static final String HOST = """
            22 27 0:21 / /proc rw,relatime - proc proc rw
            23 27 0:22 / /sys rw,relatime - sysfs sysfs rw
            27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534
            28 27 0:25 / /mnt/sandboxing/model_tools_env/v1/python ro,nosuid,nodev,relatime - tmpfs model_tools_unavailable ro,size=4k,mode=755
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    /**
     * From a private mount namespace (`unshare -m`): a shared tmpfs, a tmpfs with spaces in its mount point
     * and source, a slave bind mount, and a bind mount that is both shared and a slave.
     */
    private static final String PROPAGATION = """
            63 43 0:39 / /tmp/tmp.fsoQtcHi66 rw,relatime shared:1 - tmpfs tmpfs rw
            64 63 0:40 / /tmp/tmp.fsoQtcHi66/a\\040b rw,relatime shared:2 - tmpfs my\\040src rw
            65 63 0:39 /c /tmp/tmp.fsoQtcHi66/c rw,relatime master:1 - tmpfs tmpfs rw
            66 63 0:39 /c /tmp/tmp.hM3tTsAUTo/c rw,relatime shared:2 master:1 - tmpfs tmpfs rw
            """;

    @Test
    void parsesALineWithoutOptionalFields() {
        MountInfo root = MountInfo.parse(HOST).get(2);

        assertThat(root).isEqualTo(new MountInfo(27, 1, "254:0", "/", "/", "rw,relatime", List.of(), "ext4",
                "/dev/vda", "rw,discard,resv_strict,resuid=65534,resgid=65534"));
        assertThat(root.propagation()).isEqualTo("private");
        assertThat(root.shared()).isFalse();
    }

    @Test
    void parsesAWholeFileInOrder() {
        assertThat(MountInfo.parse(HOST)).extracting(MountInfo::mountPoint)
                .containsExactly("/proc", "/sys", "/", "/mnt/sandboxing/model_tools_env/v1/python",
                        "/sys/fs/cgroup/unified");
        assertThat(MountInfo.parse(HOST).get(3).options()).isEqualTo("ro,nosuid,nodev,relatime");
    }

    @Test
    void readsOptionalFieldsAsPropagation() {
        List<MountInfo> mounts = MountInfo.parse(PROPAGATION);

        assertThat(mounts.get(0).optionalFields()).containsExactly("shared:1");
        assertThat(mounts.get(0).propagation()).isEqualTo("shared:1");
        assertThat(mounts.get(0).shared()).isTrue();
        assertThat(mounts.get(2).propagation()).isEqualTo("master:1");
        assertThat(mounts.get(2).shared()).isFalse();
        assertThat(mounts.get(2).root()).isEqualTo("/c");
        assertThat(mounts.get(3).optionalFields()).containsExactly("shared:2", "master:1");
        assertThat(mounts.get(3).fsType()).isEqualTo("tmpfs");
    }

    @Test
    void decodesOctalEscapes() {
        MountInfo spaced = MountInfo.parse(PROPAGATION).get(1);

        assertThat(spaced.mountPoint()).isEqualTo("/tmp/tmp.fsoQtcHi66/a b");
        assertThat(spaced.source()).isEqualTo("my src");
        assertThat(MountInfo.unescape("a\\011b\\012c\\134d")).isEqualTo("a\tb\nc\\d");
        assertThat(MountInfo.unescape("caf\\303\\251")).isEqualTo("café");
        assertThat(MountInfo.unescape("trailing\\04")).isEqualTo("trailing\\04");
    }

    @Test
    void rejectsALineWithoutSeparator() {
        assertThatThrownBy(() -> MountInfo.parseLine("22 27 0:21 / /proc rw,relatime proc proc rw"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
