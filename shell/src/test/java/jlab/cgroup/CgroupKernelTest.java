package jlab.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The detected backend (v1 hybrid on the build machine, v2 in the VM) on the real kernel: throttling, the
 * OOM killer, pids.max, EBUSY and EINVAL, and nothing left in the cgroup tree afterwards. Processes start
 * behind a gate (blocked reading stdin) until their pid is in cgroup.procs, as jlab's commands do.
 */
@Tag("kernel")
class CgroupKernelTest {
    private static final String BUSYBOX = "/bin/busybox";
    private CgroupTree tree;
    private CgroupRef cgroup;
    private Process process;

    @BeforeEach void create() {
        assertThat(new com.sun.security.auth.module.UnixSystem().getUid()).as("kernel tests run as root").isZero();
        tree = CgroupDetector.tree(CgroupDetector.system());
        cgroup = tree.create("kt-" + ProcessHandle.current().pid() + "-" + System.nanoTime(), EnumSet.allOf(Controller.class), d -> { });
    }

    @AfterEach void removeEverything() throws Exception {
        if (process != null) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (cgroup == null) return; // creating it failed: the test reports why
        for (Integer pid : tree.processes(cgroup)) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        long deadline = System.currentTimeMillis() + 2000;
        while (!tree.processes(cgroup).isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(10);
        tree.remove(cgroup, d -> { });
        for (Path dir : cgroup.allDirs()) assertThat(dir).doesNotExist();
        for (Path hierarchy : tree.hierarchies().values()) {
            Path parent = hierarchy.resolve(CgroupFiles.PARENT);
            if (Files.exists(parent)) {
                try (Stream<Path> left = Files.list(parent)) {
                    assertThat(left.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                            .as("our cgroups left in " + parent).noneMatch(n -> n.startsWith("kt-" + ProcessHandle.current().pid()));
                }
            }
        }
    }

    /** Starts {@code script} under busybox sh, moves it into the cgroup, then lets it run. */
    private Process startInCgroup(String script) throws IOException {
        process = new ProcessBuilder(BUSYBOX, "sh", "-c", "read -r _; exec " + BUSYBOX + " sh -c '" + script + "'")
                .redirectErrorStream(true).start();
        tree.move(cgroup, (int) process.pid());
        process.getOutputStream().close();
        return process;
    }

    @Test void aBusyLoopIsThrottledToItsQuota() throws Exception {
        tree.set(cgroup, Knob.CPU_MAX, "20000 100000");
        startInCgroup("while :; do :; done");
        Thread.sleep(300);
        CgroupStats before = tree.stats(cgroup);
        long t0 = System.nanoTime();
        Thread.sleep(3000);
        CgroupStats after = tree.stats(cgroup);
        double share = (after.cpu().usageUsec() - before.cpu().usageUsec()) / ((System.nanoTime() - t0) / 1000.0);
        System.out.printf(Locale.ROOT, "cgroup %s: busy loop under cpu.max 20000 100000 used %.1f%% of one CPU"
                        + " (ratio to the quota %.2f); nr_throttled +%d, throttled_usec +%d%n", tree.version(), share * 100, share / 0.2,
                after.cpu().nrThrottled() - before.cpu().nrThrottled(), after.cpu().throttledUsec() - before.cpu().throttledUsec());
        assertThat(after.cpu().nrThrottled()).isGreaterThan(before.cpu().nrThrottled());
        assertThat(after.cpu().throttledUsec()).isGreaterThan(before.cpu().throttledUsec());
        assertThat(share).as("share of one CPU").isBetween(0.05, 0.25);
        assertThat(tree.get(cgroup, Knob.CPU_MAX)).isEqualTo("20000 100000");
    }

    @Test void theOomKillerEndsAMemoryHogAtMemoryMax() throws Exception {
        tree.set(cgroup, Knob.MEMORY_MAX, "32M");
        tree.set(cgroup, Knob.MEMORY_SWAP_MAX, "0");
        Process hog = startInCgroup("x=a; while :; do x=$x$x; done");
        assertThat(hog.waitFor(20, TimeUnit.SECONDS)).as("the hog ends").isTrue();
        assertThat(hog.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        CgroupStats s = tree.stats(cgroup);
        assertThat(s.memory().oomKills()).isGreaterThanOrEqualTo(1);
        assertThat(s.memory().max()).isEqualTo(32L << 20);

        tree.set(cgroup, Knob.MEMORY_MAX, "1.5G"); // above v1's memory+swap limit: that one is raised first
        assertThat(tree.get(cgroup, Knob.MEMORY_MAX)).isEqualTo("1610612736");
        assertThat(tree.get(cgroup, Knob.MEMORY_SWAP_MAX)).as("the swap allowance is kept").isEqualTo("0");
        tree.set(cgroup, Knob.MEMORY_MAX, "16M");
        assertThat(tree.get(cgroup, Knob.MEMORY_MAX)).isEqualTo("16777216");
        assertThat(tree.get(cgroup, Knob.MEMORY_SWAP_MAX)).isEqualTo("0");
    }

    @Test void pidsMaxRefusesForks() throws Exception {
        tree.set(cgroup, Knob.PIDS_MAX, "5");
        Process storm = startInCgroup("for i in 1 2 3 4 5 6 7 8 9 10; do " + BUSYBOX + " sleep 1 & done; wait");
        assertThat(storm.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String output = new String(storm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).contains("can't fork");
        CgroupStats s = tree.stats(cgroup);
        assertThat(s.pids().maxEvents()).isGreaterThan(0);
        assertThat(s.pids().max()).isEqualTo(5);
    }

    @Test void aCgroupWithAProcessCannotBeRemovedAndBadValuesAreExplained() throws Exception {
        startInCgroup(BUSYBOX + " sleep 30");
        assertThat(tree.processes(cgroup)).contains((int) process.pid());
        assertThatThrownBy(() -> tree.remove(cgroup, d -> { })).isInstanceOf(CgroupException.class)
                .hasMessageContaining("EBUSY").hasMessageContaining(Long.toString(process.pid()));
        assertThatThrownBy(() -> tree.set(cgroup, Knob.PIDS_MAX, "-5")).isInstanceOf(CgroupException.class)
                .as("refused before the kernel sees it").hasMessage("pids.max takes a whole number ≥ 0, or max, not '-5'");
        assertThatThrownBy(() -> tree.set(cgroup, Knob.PIDS_MAX, "99999999")).isInstanceOf(CgroupException.class)
                .as("above PID_MAX_LIMIT: the kernel refuses it").hasMessageContaining("EINVAL")
                .hasMessageContaining("pids.max takes a whole number ≥ 0, or max");
        List<Path> dirs = cgroup.allDirs();
        assertThat(dirs).allMatch(Files::isDirectory);
    }
}
