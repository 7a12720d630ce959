package jlab.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jlab.cgroup.v1.V1Tree;
import jlab.cgroup.v2.V2Tree;
import jlab.proc.MountInfo;

class CgroupDetectorTest {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");

    /** The cgroup lines of /proc/self/mountinfo on this build machine (v1 hybrid). */
    static final String HYBRID = """
            23 1 0:21 / /sys rw,nosuid,nodev,noexec,relatime - sysfs sysfs rw
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
            37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
            38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    static final String UNIFIED = """
            25 22 0:23 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
            """;

    /** Debian 10 style: cpu and cpuacct share one hierarchy. */
    static final String LEGACY_COMOUNTED = """
            30 23 0:26 / /sys/fs/cgroup rw - tmpfs tmpfs rw,mode=755
            33 30 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime shared:14 - cgroup cgroup rw,cpu,cpuacct
            34 30 0:30 / /sys/fs/cgroup/memory rw,relatime shared:15 - cgroup cgroup rw,memory
            """;

    @Test void thisMachineIsV1Hybrid() {
        var layout = CgroupDetector.detect(MountInfo.parse(HYBRID), ROOT);
        assertThat(layout.version()).contains(CgroupVersion.V1);
        assertThat(layout.label()).isEqualTo("v1 (hybrid)");
        assertThat(layout.cgroup2()).contains(Path.of("/sys/fs/cgroup/unified"));
        assertThat(layout.v1Mounts()).containsEntry("cpu", ROOT.resolve("cpu")).containsEntry("cpuacct", ROOT.resolve("cpuacct"))
                .containsEntry("memory", ROOT.resolve("memory")).containsEntry("pids", ROOT.resolve("pids"))
                .doesNotContainKey("name=systemd");
        assertThat(CgroupDetector.tree(layout)).isInstanceOf(V1Tree.class);
    }

    @Test void cgroup2AtTheRootIsV2() {
        var layout = CgroupDetector.detect(MountInfo.parse(UNIFIED), ROOT);
        assertThat(layout.version()).contains(CgroupVersion.V2);
        assertThat(layout.label()).isEqualTo("v2 (unified)");
        assertThat(CgroupDetector.tree(layout)).isInstanceOf(V2Tree.class);
    }

    @Test void coMountedControllersShareAHierarchy() {
        var layout = CgroupDetector.detect(MountInfo.parse(LEGACY_COMOUNTED), ROOT);
        assertThat(layout.label()).isEqualTo("v1 (legacy)");
        assertThat(layout.v1Mounts().get("cpu")).isEqualTo(layout.v1Mounts().get("cpuacct")).isEqualTo(ROOT.resolve("cpu,cpuacct"));
        assertThat(CgroupDetector.tree(layout).hierarchies()).containsOnlyKeys(Controller.CPU, Controller.MEMORY);
    }

    @Test void noCgroupsIsExplained() {
        var layout = CgroupDetector.detect(MountInfo.parse("23 1 0:21 / /sys rw - sysfs sysfs rw\n"), ROOT);
        assertThat(layout.version()).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> CgroupDetector.tree(layout)).isInstanceOf(CgroupException.class).hasMessageContaining("mount -t cgroup2");
    }
}
