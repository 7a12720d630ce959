package jlab.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** ProcFs against the real /proc of this JVM. */
@Tag("kernel")
class ProcFsKernelTest {

    private final ProcFs proc = new ProcFs();
    private final int self = (int) ProcessHandle.current().pid();

    @Test
    void namespacesOfSelfMatchReadlink() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (var links = Files.list(Path.of("/proc/self/ns"))) {
            for (Path link : links.toList()) {
                expected.put(link.getFileName().toString(), Files.readSymbolicLink(link).toString());
            }
        }
        Map<String, String> actual = new TreeMap<>();
        proc.namespaces(self).forEach((name, id) -> actual.put(name, id.toString()));

        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aChildSpawnedByThisThreadIsInItsChildrenFile() throws Exception {
        int tid = new jlab.kernel.ffm.FfmSyscalls().gettid();
        Process child = new ProcessBuilder("sleep", "60").start();
        try {
            assertThat(proc.tasks(self)).contains(self, tid);
            assertThat(proc.children(self, tid)).get().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .contains((int) child.pid());
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void readsThisJvm() {
        ProcStatus status = proc.status(self).orElseThrow();

        assertThat(status.pid()).isEqualTo(self);
        assertThat(status.threads()).isGreaterThan(1);
        assertThat(proc.taskStatus(self, self)).get().extracting(ProcStatus::pid).isEqualTo(self);
        assertThat(proc.stat(self)).get().extracting(ProcStat::ppid).isEqualTo(status.ppid());
        assertThat(proc.startTime(self)).isPresent();
        assertThat(proc.mountInfo(self)).extracting(MountInfo::mountPoint).contains("/", "/proc");
        assertThat(proc.mountInfo(self, self)).extracting(MountInfo::mountPoint).contains("/", "/proc");
        assertThat(proc.cmdline(self)).isNotEmpty();
        assertThat(proc.cgroups(self)).isNotEmpty();
        assertThat(proc.pids()).contains(1, self);
        assertThat(proc.hostname()).isPresent();
    }

    @Test
    void anExitedChildLeavesNothingToRead() throws Exception {
        Process child = new ProcessBuilder("/bin/true").start();
        int pid = (int) child.pid();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(proc.status(pid)).isEmpty();
        assertThat(proc.startTime(pid)).isEmpty();
        assertThat(proc.namespaces(pid)).isEmpty();
    }
}
