package jlab.doctor;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupLayoutTest {

    @Test
    void thisMachineIsV1Hybrid() {
        var layout = CgroupLayout.parse(FakeHost.MOUNTINFO_V1_HYBRID);
        assertThat(layout.kind()).isEqualTo(CgroupLayout.Kind.V1_HYBRID);
        // name=systemd is a named hierarchy without a controller.
        assertThat(layout.v1Controllers())
                .containsExactly("blkio", "cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "pids");
        assertThat(layout.cgroup2MountPoint()).contains("/sys/fs/cgroup/unified");
    }

    @Test
    void cgroup2AtTheRootIsUnified() {
        var layout = CgroupLayout.parse(FakeHost.MOUNTINFO_V2);
        assertThat(layout).isEqualTo(new CgroupLayout(CgroupLayout.Kind.V2_UNIFIED, List.of(),
                Optional.of("/sys/fs/cgroup")));
    }

    @Test
    void v1WithoutCgroup2IsLegacyAndCombinedHierarchiesSplit() {
        var layout = CgroupLayout.parse("""
                25 18 0:22 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
                28 25 0:25 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:11 - cgroup cgroup rw,cpu,cpuacct
                29 25 0:26 / /sys/fs/cgroup/net_cls,net_prio rw,nosuid,nodev,noexec,relatime shared:12 - cgroup cgroup rw,net_cls,net_prio
                """);
        assertThat(layout.kind()).isEqualTo(CgroupLayout.Kind.V1_LEGACY);
        assertThat(layout.v1Controllers()).containsExactly("cpu", "cpuacct", "net_cls", "net_prio");
        assertThat(layout.cgroup2MountPoint()).isEmpty();
    }

    @Test
    void cgroupMountsElsewhereDoNotCount() {
        var layout = CgroupLayout.parse("50 27 0:40 / /tmp/cg rw,relatime - cgroup2 cgroup2 rw\n");
        assertThat(layout.kind()).isEqualTo(CgroupLayout.Kind.NONE);
    }
}
