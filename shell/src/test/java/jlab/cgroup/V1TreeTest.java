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

import jlab.cgroup.v1.V1Tree;
import jlab.proc.CgroupMembership;

/** The v1 backend against temp directories shaped like this machine's hierarchies (cpu, cpuacct, memory, pids). */
class V1TreeTest {
    @TempDir Path root;

    private V1Tree tree() {
        Map<String, Path> mounts = Map.of("cpu", root.resolve("cpu"), "cpuacct", root.resolve("cpuacct"),
                "memory", root.resolve("memory"), "pids", root.resolve("pids"));
        mounts.values().forEach(p -> FakeCgroupFs.fill(p, Map.of("cgroup.procs", "1\n")));
        return new V1Tree(mounts, FakeCgroupFs::rmdir);
    }

    /** The files the kernel gives a new v1 cgroup, with values from this machine. */
    private void kernelFiles(String name) {
        FakeCgroupFs.fill(root.resolve("cpu/jlab/" + name), Map.of("cgroup.procs", "", "cpu.cfs_quota_us", "-1\n",
                "cpu.cfs_period_us", "100000\n", "cpu.shares", "1024\n", "cpu.stat", CgroupParsersTest.V1_CPU_STAT));
        FakeCgroupFs.fill(root.resolve("cpuacct/jlab/" + name), Map.of("cgroup.procs", "", "cpuacct.usage", "587000000\n"));
        FakeCgroupFs.fill(root.resolve("memory/jlab/" + name), Map.of("cgroup.procs", "", "memory.limit_in_bytes", "9223372036854771712\n",
                "memory.usage_in_bytes", "1200128\n", "memory.failcnt", "76\n", "memory.oom_control", CgroupParsersTest.V1_OOM_CONTROL));
        FakeCgroupFs.fill(root.resolve("pids/jlab/" + name), Map.of("cgroup.procs", "", "pids.max", "max\n", "pids.current", "9\n",
                "pids.events", "max 1\n"));
    }

    @Test void createsOneDirectoryPerHierarchyPlusCpuacct() {
        V1Tree tree = tree();
        List<Path> recorded = new ArrayList<>();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> {
            assertThat(dir).as("recorded before mkdir").doesNotExist();
            recorded.add(dir);
        });
        assertThat(recorded).containsExactlyInAnyOrder(root.resolve("cpu/jlab/s1"), root.resolve("cpuacct/jlab/s1"),
                root.resolve("memory/jlab/s1"), root.resolve("pids/jlab/s1"));
        assertThat(cg.dirs()).containsEntry(Controller.MEMORY, root.resolve("memory/jlab/s1"));
        assertThat(cg.extra()).containsExactly(root.resolve("cpuacct/jlab/s1"));
        assertThat(tree.version()).isEqualTo(CgroupVersion.V1);
    }

    @Test void translatesV2NamesToV1Files() throws IOException {
        V1Tree tree = tree();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> { });
        kernelFiles("s1");
        List<String> written = tree.set(cg, Knob.CPU_MAX, "20000 100000");
        assertThat(written).hasSize(2).anyMatch(l -> l.contains("cpu.cfs_quota_us = 20000"));
        assertThat(Files.readString(root.resolve("cpu/jlab/s1/cpu.cfs_quota_us"))).isEqualTo("20000");
        assertThat(Files.readString(root.resolve("cpu/jlab/s1/cpu.cfs_period_us"))).isEqualTo("100000");
        assertThat(tree.get(cg, Knob.CPU_MAX)).isEqualTo("20000 100000");
        tree.set(cg, Knob.CPU_MAX, "max 100000");
        assertThat(Files.readString(root.resolve("cpu/jlab/s1/cpu.cfs_quota_us"))).isEqualTo("-1");
        tree.set(cg, Knob.MEMORY_MAX, "32M");
        assertThat(Files.readString(root.resolve("memory/jlab/s1/memory.limit_in_bytes"))).isEqualTo("33554432");
        assertThat(tree.get(cg, Knob.MEMORY_MAX)).isEqualTo("33554432");
        assertThat(tree.set(cg, Knob.MEMORY_SWAP_MAX, "0")).singleElement().asString().contains("nothing to do");
        tree.set(cg, Knob.CPU_WEIGHT, "200");
        assertThat(Files.readString(root.resolve("cpu/jlab/s1/cpu.shares"))).isEqualTo("2048");
        tree.set(cg, Knob.PIDS_MAX, "10");
        assertThat(tree.get(cg, Knob.PIDS_MAX)).isEqualTo("10");
        assertThatThrownBy(() -> tree.set(cg, Knob.MEMORY_HIGH, "16M")).hasMessageContaining("no cgroup v1 equivalent");
        assertThatThrownBy(() -> tree.set(cg, Knob.CPU_MAX, "fast")).isInstanceOf(CgroupException.class).hasMessageContaining("$QUOTA $PERIOD");
    }

    @Test void aValueTheFileDoesNotTakeIsRefusedSayingWhatItTakes() throws IOException {
        V1Tree tree = tree();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> { });
        kernelFiles("s1");
        assertThatThrownBy(() -> tree.set(cg, Knob.MEMORY_MAX, "10Q")).isInstanceOf(CgroupException.class)
                .hasMessage("memory.max takes bytes with an optional K, M or G suffix (32M, 1.5G), or max, not '10Q'");
        assertThatThrownBy(() -> tree.set(cg, Knob.PIDS_MAX, "-5")).isInstanceOf(CgroupException.class)
                .hasMessage("pids.max takes a whole number ≥ 0, or max, not '-5'");
        assertThatThrownBy(() -> tree.set(cg, Knob.CPU_WEIGHT, "heavy")).isInstanceOf(CgroupException.class)
                .hasMessage("cpu.weight takes a whole number from 1 to 10000 (100 is the default), not 'heavy'");
        assertThat(Files.readString(root.resolve("pids/jlab/s1/pids.max"))).as("nothing written").isEqualTo("max\n");

        tree.set(cg, Knob.MEMORY_MAX, "1.5G");
        assertThat(Files.readString(root.resolve("memory/jlab/s1/memory.limit_in_bytes"))).isEqualTo("1610612736");
    }

    @Test void memoryMaxMovesV1sMemoryPlusSwapLimitAlongKeepingTheSwap() throws IOException {
        V1Tree tree = tree();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> { });
        kernelFiles("s1");
        Path mem = root.resolve("memory/jlab/s1");
        Files.writeString(mem.resolve("memory.memsw.limit_in_bytes"), "9223372036854771712\n");
        tree.set(cg, Knob.MEMORY_MAX, "32M");
        tree.set(cg, Knob.MEMORY_SWAP_MAX, "0");
        assertThat(Files.readString(mem.resolve("memory.memsw.limit_in_bytes"))).isEqualTo("33554432");

        assertThat(tree.set(cg, Knob.MEMORY_MAX, "1.5G")).as("raised: memory+swap first, it may never be below memory")
                .containsExactly(mem.resolve("memory.memsw.limit_in_bytes") + " = 1610612736   (v2: memory.max)",
                        mem.resolve("memory.limit_in_bytes") + " = 1610612736   (v2: memory.max)");
        assertThat(tree.get(cg, Knob.MEMORY_SWAP_MAX)).isEqualTo("0");
        tree.set(cg, Knob.MEMORY_SWAP_MAX, "1M");
        assertThat(tree.set(cg, Knob.MEMORY_MAX, "16M")).as("lowered: memory first")
                .containsExactly(mem.resolve("memory.limit_in_bytes") + " = 16777216   (v2: memory.max)",
                        mem.resolve("memory.memsw.limit_in_bytes") + " = 17825792   (v2: memory.max)");
        assertThat(tree.get(cg, Knob.MEMORY_SWAP_MAX)).isEqualTo("1048576");
        tree.set(cg, Knob.MEMORY_MAX, "max");
        assertThat(Files.readString(mem.resolve("memory.memsw.limit_in_bytes"))).isEqualTo("-1");
        assertThat(Files.readString(mem.resolve("memory.limit_in_bytes"))).isEqualTo("-1");
    }

    @Test void movesIntoEveryHierarchyAndReadsStats() throws IOException {
        V1Tree tree = tree();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> { });
        kernelFiles("s1");
        assertThat(tree.move(cg, 4242)).hasSize(4);
        for (String h : List.of("cpu", "cpuacct", "memory", "pids")) {
            assertThat(Files.readString(root.resolve(h + "/jlab/s1/cgroup.procs"))).isEqualTo("4242");
        }
        CgroupStats s = tree.stats(cg);
        assertThat(s.cpu().nrPeriods()).isEqualTo(30);
        assertThat(s.cpu().nrThrottled()).isEqualTo(27);
        assertThat(s.cpu().throttledUsec()).as("throttled_time is in ns").isEqualTo(948128);
        assertThat(s.cpu().usageUsec()).as("cpuacct.usage is in ns").isEqualTo(587000);
        assertThat(s.memory()).isEqualTo(new CgroupStats.Memory(1200128, Limits.UNLIMITED, 76, 0, 1));
        assertThat(s.pids()).isEqualTo(new CgroupStats.Pids(9, Limits.UNLIMITED, 1));
        assertThat(s.cpuPressure()).as("v1 has no per-cgroup PSI").isEmpty();
    }

    @Test void removesEveryHierarchysDirectoryAndTheParents() throws IOException {
        V1Tree tree = tree();
        CgroupRef cg = tree.create("s1", EnumSet.allOf(Controller.class), dir -> { });
        kernelFiles("s1");
        tree.move(cg, 4242);
        assertThatThrownBy(() -> tree.remove(cg, d -> { })).hasMessageContaining("EBUSY").hasMessageContaining("4242");
        for (String h : List.of("cpu", "cpuacct", "memory", "pids")) Files.writeString(root.resolve(h + "/jlab/s1/cgroup.procs"), "");
        List<Path> removed = new ArrayList<>();
        tree.remove(cg, removed::add);
        assertThat(removed).hasSize(4);
        for (String h : List.of("cpu", "cpuacct", "memory", "pids")) assertThat(root.resolve(h + "/jlab")).doesNotExist();
    }

    @Test void locatesAProcessFromItsV1Lines() {
        V1Tree tree = tree();
        kernelFiles("s1");
        CgroupRef found = tree.locate(CgroupMembership.parse("""
                9:name=systemd:/
                8:pids:/jlab/s1
                4:memory:/jlab/s1
                2:cpuacct:/jlab/s1
                1:cpu:/jlab/s1
                0::/
                """));
        assertThat(found.path()).isEqualTo("/jlab/s1");
        assertThat(found.dirs()).containsOnlyKeys(Controller.values());
        assertThat(found.extra()).containsExactly(root.resolve("cpuacct/jlab/s1"));
        assertThat(tree.stats(found).cpu().usageUsec()).isEqualTo(587000);
    }
}
