package jlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The cgroup inspector's notes on literal snapshots, as a v1 host shows them. */
class CgroupInspectorTest {
    private static final String JLAB = "jlab (pid 9588; no init yet)";
    private static final String INIT = "init (host pid 10145)";

    private static CgroupSnapshot snapshot(String whose, String cpuCgroup) {
        return new CgroupSnapshot("v1 (hybrid)", whose, Map.of("cpu cgroup", cpuCgroup, "cpu.nr_throttled", "0"), List.of());
    }

    @Test
    void aNewlyStartedInitIsShownNotSaidToHaveMoved() {
        var notes = new CgroupInspector().diff(snapshot(JLAB, "/sys/fs/cgroup/cpu/user.slice"),
                snapshot(INIT, "/sys/fs/cgroup/cpu/user.slice")).notes();
        assertThat(notes).containsExactly("shown now: the cgroup of " + INIT + "; before, of " + JLAB);
    }

    @Test
    void theSameProcessInAnotherCgroupMoved() {
        var notes = new CgroupInspector().diff(snapshot(INIT, "/sys/fs/cgroup/cpu/user.slice"),
                snapshot(INIT, "/sys/fs/cgroup/cpu/jlab/s9588-26387e-1")).notes();
        assertThat(notes).containsExactly("the process is in another cgroup now: writing its pid to cgroup.procs moved it");
    }
}
