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
    void theRootCgroupIsSaidToCountTheWholeMachine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path fs = java.nio.file.Files.createDirectories(dir.resolve("cgroup"));
        java.nio.file.Files.writeString(fs.resolve("cgroup.controllers"), "cpu memory pids\n");
        java.nio.file.Files.createDirectories(fs.resolve("jlab/s1"));
        java.nio.file.Files.writeString(fs.resolve("jlab/s1/cgroup.controllers"), "cpu memory pids\n");
        var proc = new jlab.proc.FakeProc(java.nio.file.Files.createDirectories(dir.resolve("proc")))
                .process(100, 1, "java", "S (sleeping)", List.of(100), "java")
                .write("100/cgroup", "0::/\n")
                .process(200, 100, "sh", "S (sleeping)", List.of(200), "sh")
                .write("200/cgroup", "0::/jlab/s1\n");
        var layout = new jlab.cgroup.CgroupDetector.Layout(java.util.Optional.of(jlab.cgroup.CgroupVersion.V2), Map.of(),
                java.util.Optional.of(fs), fs);
        var inspector = new CgroupInspector(() -> layout);
        var procFs = new jlab.proc.ProcFs(proc.root());
        assertThat(inspector.snapshot(InspectTarget.host(procFs, 100)).problems())
                .containsExactly("this is the root cgroup: its counters are the whole machine's, not the container's "
                        + "(and v1's root counts no pids)");
        assertThat(inspector.snapshot(InspectTarget.host(procFs, 200)).problems()).isEmpty();
    }

    @Test
    void theSameProcessInAnotherCgroupMoved() {
        var notes = new CgroupInspector().diff(snapshot(INIT, "/sys/fs/cgroup/cpu/user.slice"),
                snapshot(INIT, "/sys/fs/cgroup/cpu/jlab/s9588-26387e-1")).notes();
        assertThat(notes).containsExactly("the process is in another cgroup now: writing its pid to cgroup.procs moved it");
    }
}
