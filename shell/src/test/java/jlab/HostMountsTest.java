package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class HostMountsTest {
    private static final long SELF = ProcessHandle.current().pid();

    @Test void dropsOnlySessionMountsOfOtherRunningProcesses() {
        long running = ProcessHandle.current().parent().orElseThrow().pid(); // the build that forked this JVM
        long gone = 4_194_305; // above the kernel's largest pid_max: never a process
        String root = "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw";
        String other = "42 27 0:4 net:[4026532178] /run/jlab/s" + running + "-7f73b9/netns-hub rw - nsfs nsfs rw";
        String crashed = "45 27 0:4 net:[4026532180] /run/jlab/s" + gone + "-0a0b0c/netns-hub rw - nsfs nsfs rw";
        String mine = "43 27 0:4 net:[4026532179] /tmp/jlab-fixture-test1/s" + SELF + "-00ff00/netns-red rw - nsfs nsfs rw";
        String lookalike = "44 27 0:40 / /srv/s12-data rw - tmpfs tmpfs rw";
        assertThat(HostMounts.ours(List.of(root, other, crashed, mine, lookalike)))
                .containsExactly(root, crashed, mine, lookalike);
    }
}
