package jlab.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Namespace links, cgroup membership and cmdline: the small formats. */
class SmallParsersTest {

    /** `cat /proc/self/cgroup` on the dev machine: cgroup v1 hybrid, named systemd hierarchy, v2 last. */
    private static final String CGROUP = """
            9:name=systemd:/
            8:pids:/
            7:blkio:/
            6:freezer:/
            5:devices:/
            4:memory:/process_api/7737d398078d2d919bed9a4e89437960
            3:cpuset:/
            2:cpuacct:/
            1:cpu:/
            0::/
            """;

    @Test
    void parsesNamespaceLinks() {
        assertThat(NamespaceId.parse("mnt:[4026531832]")).isEqualTo(new NamespaceId("mnt", 4026531832L));
        assertThat(NamespaceId.parse("pid:[4026532178]\n").inode()).isEqualTo(4026532178L);
        assertThat(new NamespaceId("time", 4026531834L)).hasToString("time:[4026531834]");
        assertThatThrownBy(() -> NamespaceId.parse("/proc/1/ns/mnt")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesV1AndV2CgroupLines() {
        List<CgroupMembership> all = CgroupMembership.parse(CGROUP);

        assertThat(all).hasSize(10);
        assertThat(all.getFirst()).isEqualTo(new CgroupMembership(9, List.of("name=systemd"), "/"));
        assertThat(all.get(5)).isEqualTo(new CgroupMembership(4, List.of("memory"),
                "/process_api/7737d398078d2d919bed9a4e89437960"));
        assertThat(all.getLast()).isEqualTo(new CgroupMembership(0, List.of(), "/"));
        assertThat(all.getLast().unified()).isTrue();
        assertThat(all.getFirst().unified()).isFalse();
    }

    @Test
    void parsesCoMountedControllersAndPathsWithColons() {
        assertThat(CgroupMembership.parseLine("12:cpu,cpuacct:/user.slice"))
                .isEqualTo(new CgroupMembership(12, List.of("cpu", "cpuacct"), "/user.slice"));
        assertThat(CgroupMembership.parseLine("0::/a:b").path()).isEqualTo("/a:b");
        assertThatThrownBy(() -> CgroupMembership.parseLine("garbage")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsCmdlineAtNul() {
        // sh -c 'cat /proc/$$/cmdline | od -c' 'my sh' "a b" "" x
        String text = "sh\0-c\0cat /proc/$$/cmdline | od -c\0my sh\0a b\0\0x\0";

        assertThat(Cmdline.parse(text)).containsExactly("sh", "-c", "cat /proc/$$/cmdline | od -c", "my sh", "a b",
                "", "x");
        assertThat(Cmdline.parse("")).isEmpty();
        assertThat(Cmdline.parse("rewritten argv without nul")).containsExactly("rewritten argv without nul");
    }
}
