package jlab.proc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

    @TempDir
    Path root;

    private FakeProc fake;
    private ProcFs proc;

    @BeforeEach
    void setUp() {
        fake = new FakeProc(root);
        proc = fake.procFs();
        fake.process(100, 1, "java", "S (sleeping)", List.of(100), "java", "-jar", "jlab.jar")
                .process(7, 0, "init", "S (sleeping)", List.of(7))
                .write("self/status", "not a pid")
                .write("sys/kernel/hostname", "vm\n")
                .write("100/mountinfo", "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n")
                .write("100/task/103/mountinfo", "80 79 0:50 / / rw,relatime - overlay overlay rw\n")
                .write("100/cgroup", "4:memory:/jlab\n0::/\n");
    }

    @Test
    void listsNumericDirectoriesInOrder() {
        assertThat(proc.pids()).containsExactly(7, 100);
    }

    @Test
    void readsChildrenFilesAndTaskLists() {
        fake.write("100/task/100/children", "").write("100/task/103/children", "200 205 ")
                .write("100/task/103/status", "Name:\tjava\n");

        assertThat(proc.children(100, 103)).hasValue(List.of(200, 205));
        assertThat(proc.children(100, 100)).hasValue(List.of());
        assertThat(proc.children(100, 999)).as("no such thread").isEmpty();
        assertThat(proc.tasks(100)).containsExactly(100, 103);
        assertThat(proc.tasks(4242)).isEmpty();
    }

    @Test
    void readsStatusStatAndCmdline() {
        assertThat(proc.status(100)).get().extracting(ProcStatus::name, ProcStatus::ppid).containsExactly("java", 1);
        assertThat(proc.stat(100)).get().extracting(ProcStat::comm).isEqualTo("java");
        assertThat(proc.startTime(100)).hasValue(1100);
        assertThat(proc.cmdline(100)).containsExactly("java", "-jar", "jlab.jar");
        assertThat(proc.cmdline(7)).isEmpty();
        assertThat(proc.cgroups(100)).extracting(CgroupMembership::path).containsExactly("/jlab", "/");
        assertThat(proc.hostname()).hasValue("vm");
    }

    @Test
    void aJustSpawnedChildHasNoArgvWhileItStillShowsItsSpawnersMemoryOrNothing() {
        fake.write("300/cmdline", "java\0-jar\0jlab.jar\0"); // the vfork child before the kernel switched its image
        assertThat(proc.spawnedCmdline(300, 100)).isEmpty();
        fake.write("300/cmdline", ""); // its new image's arguments are not set up yet
        assertThat(proc.spawnedCmdline(300, 100)).isEmpty();
        fake.write("300/cmdline", "sh\0-c\0read -r _ <&3\0");
        assertThat(proc.spawnedCmdline(300, 100)).containsExactly("sh", "-c", "read -r _ <&3");
        assertThat(proc.spawnedCmdline(300, 4242)).as("a spawner that is gone").containsExactly("sh", "-c", "read -r _ <&3");
    }

    @Test
    void readsATasksOwnMountTable() {
        assertThat(proc.mountInfo(100)).extracting(MountInfo::fsType).containsExactly("ext4");
        assertThat(proc.mountInfo(100, 103)).extracting(MountInfo::fsType).containsExactly("overlay");
    }

    @Test
    void readsNamespaceLinksInCanonicalOrderSkippingMissingOnes() {
        fake.ns("100", Map.of("uts", 4026531838L, "mnt", 4026531832L, "pid_for_children", 4026531836L))
                .ns("100/task/103", Map.of("pid_for_children", 4026532178L));

        assertThat(proc.namespaces(100)).containsExactly(
                Map.entry("mnt", new NamespaceId("mnt", 4026531832L)),
                Map.entry("uts", new NamespaceId("uts", 4026531838L)),
                Map.entry("pid_for_children", new NamespaceId("pid", 4026531836L)));
        assertThat(proc.namespaces(100, 103)).containsOnlyKeys("pid_for_children");
        assertThat(proc.namespace(100, 103, "pid_for_children")).hasValue(new NamespaceId("pid", 4026532178L));
        assertThat(proc.namespace(100, "net")).isEmpty();
    }

    @Test
    void aVanishedProcessGivesEmptyResults() {
        fake.remove("7");

        assertThat(proc.status(7)).isEmpty();
        assertThat(proc.stat(7)).isEmpty();
        assertThat(proc.startTime(7)).isEmpty();
        assertThat(proc.mountInfo(7)).isEmpty();
        assertThat(proc.mountInfo(7, 7)).isEmpty();
        assertThat(proc.namespaces(7)).isEmpty();
        assertThat(proc.cgroups(7)).isEmpty();
        assertThat(proc.cmdline(7)).isEmpty();
        assertThat(proc.taskStatus(7, 8)).isEmpty();
    }

    @Test
    void anEmptyOrTruncatedFileCountsAsGone() {
        fake.write("100/stat", "").write("7/stat", "7 (init) S 0");

        assertThat(proc.stat(100)).isEmpty();
        assertThat(proc.startTime(7)).isEmpty();
    }
}
