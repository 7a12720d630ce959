package jlab.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jlab.cgroup.v2.V2Tree;
import jlab.proc.CgroupMembership;

/** The v2 backend against a temp directory shaped like /sys/fs/cgroup on a unified host. */
class V2TreeTest {
    @TempDir Path root;

    private V2Tree tree() {
        FakeCgroupFs.fill(root, Map.of("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n",
                "cgroup.subtree_control", "cpu memory pids\n", "cgroup.procs", "1\n"));
        // the kernel gives a new cgroup its interface files; the fake jlab parent gets them in advance
        FakeCgroupFs.fill(root.resolve("jlab"), Map.of("cgroup.subtree_control", "", "cgroup.procs", ""));
        return new V2Tree(root, FakeCgroupFs::rmdir);
    }

    private static void kernelFiles(Path dir) {
        FakeCgroupFs.fill(dir, Map.ofEntries(Map.entry("cgroup.procs", ""), Map.entry("cgroup.controllers", "cpu memory pids\n"),
                Map.entry("cpu.max", "max 100000\n"), Map.entry("cpu.weight", "100\n"), Map.entry("cpu.stat", CgroupParsersTest.V2_CPU_STAT),
                Map.entry("memory.max", "max\n"), Map.entry("memory.current", "1773568\n"), Map.entry("memory.swap.max", "max\n"),
                Map.entry("memory.events", CgroupParsersTest.V2_MEMORY_EVENTS), Map.entry("pids.max", "max\n"),
                Map.entry("pids.current", "3\n"), Map.entry("pids.events", "max 2\n"),
                Map.entry("cpu.pressure", "some avg10=12.50 avg60=3.00 avg300=0.70 total=912345\nfull avg10=12.00 avg60=2.90 avg300=0.60 total=900000\n"),
                Map.entry("memory.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n")));
    }

    @Test void createsUnderItsOwnParentWithControllersEnabledThere() throws IOException {
        V2Tree tree = tree();
        List<Path> recorded = new ArrayList<>();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> {
            assertThat(dir).as("recorded before mkdir").doesNotExist();
            recorded.add(dir);
        });
        Path dir = root.resolve("jlab/s1");
        assertThat(recorded).containsExactly(dir);
        assertThat(cg.path()).isEqualTo("/jlab/s1");
        assertThat(cg.allDirs()).containsExactly(dir);
        assertThat(Files.readString(root.resolve("jlab/cgroup.subtree_control"))).isEqualTo("+cpu +memory +pids");
        assertThat(Files.readString(root.resolve("cgroup.subtree_control"))).as("the root is never written").isEqualTo("cpu memory pids\n");
        assertThat(tree.version()).isEqualTo(CgroupVersion.V2);
        assertThat(tree.hierarchies()).containsOnlyKeys(Controller.values());
    }

    @Test void setsReadsMovesAndReportsStats() throws IOException {
        V2Tree tree = tree();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> kernelFiles(dir.getParent()));
        Path dir = root.resolve("jlab/s1");
        kernelFiles(dir);
        assertThat(tree.set(cg, Knob.CPU_MAX, "20000 100000")).containsExactly(dir.resolve("cpu.max") + " = 20000 100000");
        tree.set(cg, Knob.MEMORY_MAX, "32M");
        tree.set(cg, Knob.PIDS_MAX, "10");
        assertThat(Files.readString(dir.resolve("memory.max"))).isEqualTo("33554432");
        assertThat(tree.get(cg, Knob.CPU_MAX)).isEqualTo("20000 100000");
        tree.move(cg, 4242);
        assertThat(Files.readString(dir.resolve("cgroup.procs"))).isEqualTo("4242");
        assertThat(tree.processes(cg)).containsExactly(4242);

        CgroupStats s = tree.stats(cg);
        assertThat(s.cpu().max()).isEqualTo(new CpuMax(20000, 100000));
        assertThat(s.cpu().nrThrottled()).isEqualTo(28);
        assertThat(s.cpu().throttledUsec()).isEqualTo(2401234);
        assertThat(s.cpu().usageUsec()).isEqualTo(3864577215L);
        assertThat(s.memory().oomKills()).isEqualTo(1);
        assertThat(s.memory().max()).isEqualTo(33554432L);
        assertThat(s.pids()).isEqualTo(new CgroupStats.Pids(3, 10, 2));
        assertThat(s.cpuPressure().orElseThrow().some().avg10()).isEqualTo(12.5);
    }

    @Test void explainsMistakesAndRefusesForeignCgroups() {
        V2Tree tree = tree();
        CgroupRef cg = tree.create("s1", EnumSet.of(Controller.PIDS), dir -> { });
        assertThatThrownBy(() -> tree.set(cg, Knob.CPU_MAX, "20000 100000")).isInstanceOf(CgroupException.class)
                .hasMessageContaining("cpu controller is not enabled").hasMessageContaining("subtree_control");
        assertThatThrownBy(() -> tree.set(cg, Knob.PIDS_MAX, "10")).as("no pids.max file: not enabled")
                .hasMessageContaining("ENOENT").hasMessageContaining("not enabled");
        CgroupRef systemd = new CgroupRef("/system.slice", Map.of(Controller.CPU, root.resolve("system.slice")), List.of());
        assertThatThrownBy(() -> tree.set(systemd, Knob.CPU_MAX, "20000 100000")).hasMessageContaining("refuses");
        assertThatThrownBy(() -> tree.move(new CgroupRef("/", Map.of(Controller.CPU, root), List.of()), 1)).hasMessageContaining("refuses");
    }

    @Test void aValueTheFileDoesNotTakeIsRefusedBeforeTheKernelSeesIt() throws IOException {
        V2Tree tree = tree();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> { });
        Path dir = root.resolve("jlab/s1");
        kernelFiles(dir);
        assertThatThrownBy(() -> tree.set(cg, Knob.MEMORY_MAX, "10Q")).isInstanceOf(CgroupException.class)
                .hasMessage("memory.max takes bytes with an optional K, M or G suffix (32M, 1.5G), or max, not '10Q'");
        assertThatThrownBy(() -> tree.set(cg, Knob.PIDS_MAX, "-5")).isInstanceOf(CgroupException.class)
                .hasMessage("pids.max takes a whole number ≥ 0, or max, not '-5'");
        assertThatThrownBy(() -> tree.set(cg, Knob.CPU_WEIGHT, "0")).isInstanceOf(CgroupException.class)
                .hasMessage("cpu.weight takes a whole number from 1 to 10000 (100 is the default), not '0'");
        assertThat(Files.readString(dir.resolve("pids.max"))).as("nothing written").isEqualTo("max\n");

        tree.set(cg, Knob.MEMORY_MAX, "1.5G");
        assertThat(Files.readString(dir.resolve("memory.max"))).isEqualTo("1610612736");
        tree.set(cg, Knob.PIDS_MAX, " max ");
        assertThat(Files.readString(dir.resolve("pids.max"))).isEqualTo("max");
    }

    @Test void aControllerTheRootDoesNotPassDownIsExplained() throws IOException {
        V2Tree tree = tree();
        Files.writeString(root.resolve("cgroup.subtree_control"), "memory\n");
        assertThatThrownBy(() -> tree.create("s1", EnumSet.of(Controller.CPU), dir -> { }))
                .hasMessageContaining("cpu controller is not enabled in the root").hasMessageContaining("never writes to the root");
    }

    @Test void removalWaitsForAnEmptyCgroupThenTakesTheParentToo() throws IOException {
        V2Tree tree = tree();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> { });
        Path dir = root.resolve("jlab/s1");
        kernelFiles(dir);
        tree.move(cg, 4242);
        assertThatThrownBy(() -> tree.remove(cg, d -> { })).hasMessageContaining("EBUSY").hasMessageContaining("4242");
        Files.writeString(dir.resolve("cgroup.procs"), "");
        FakeCgroupFs.fill(dir.resolve("learner-child"), Map.of("cgroup.procs", ""));
        List<Path> removed = new ArrayList<>();
        tree.remove(cg, removed::add);
        assertThat(removed).containsExactly(dir.resolve("learner-child"), dir);
        assertThat(root.resolve("jlab")).doesNotExist();
        assertThat(root.resolve("cgroup.procs")).exists();
    }

    @Test void locatesAProcessFromItsCgroupFile() {
        V2Tree tree = tree();
        kernelFiles(root.resolve("jlab/s1"));
        CgroupRef found = tree.locate(CgroupMembership.parse("0::/jlab/s1\n"));
        assertThat(found.path()).isEqualTo("/jlab/s1");
        assertThat(found.dirs()).containsOnlyKeys(Controller.values());
        assertThat(tree.stats(found).pids().current()).isEqualTo(3);
    }
}
