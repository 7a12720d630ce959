package jlab.kernel.ffm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jlab.kernel.MountFlag;
import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.SpawnSpec;
import jlab.kernel.UmountFlag;
import jlab.sandbox.ContainerThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static jlab.kernel.ffm.KernelFixture.BUSYBOX;
import static jlab.kernel.ffm.KernelFixture.KERNEL;
import static jlab.kernel.ffm.KernelFixture.read;
import static jlab.kernel.ffm.KernelFixture.readLink;
import static org.assertj.core.api.Assertions.assertThat;

/** Namespace, root and cwd changes made on a container thread stay on that thread. */
@Tag("kernel")
class ContainerIsolationTest {
    private static final Set<MountFlag> RECURSIVE_PRIVATE = EnumSet.of(MountFlag.MS_REC, MountFlag.MS_PRIVATE);
    private static final List<String> NAMESPACES = List.of("mnt", "uts", "ipc", "net", "pid", "pid_for_children", "cgroup");

    private KernelFixture fixture;
    private ContainerThread container;

    @BeforeAll static void root() { KernelFixture.requireRoot(); }

    @BeforeEach void setUp() {
        fixture = new KernelFixture();
        container = new ContainerThread("jlab-test-container", KERNEL);
    }

    @AfterEach void tearDown() throws IOException {
        try {
            container.close();
        } finally {
            fixture.close();
        }
    }

    private String containerTask() {
        return "/proc/" + KERNEL.getpid() + "/task/" + container.tid();
    }

    private static Map<String, String> namespaces(String task) {
        var links = new LinkedHashMap<String, String>();
        for (String ns : NAMESPACES) links.put(ns, readLink(task + "/ns/" + ns));
        return links;
    }

    @Test void namespacesHostnameRootAndCwdChangeOnlyOnTheContainerThread() throws IOException {
        Path root = fixture.tempDir();
        Map<String, String> hostBefore = namespaces("/proc/thread-self");
        String hostname = KERNEL.hostname();
        String hostCwd = readLink("/proc/thread-self/cwd");

        container.call(() -> {
            KERNEL.unshare(EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.NET, Namespace.PID,
                    Namespace.CGROUP));
            KERNEL.mount(null, "/", null, RECURSIVE_PRIVATE, null);
            KERNEL.sethostname("jlab-isolated");
            // pid_for_children cannot be read until the new pid namespace has its first process.
            fixture.track(KERNEL.spawn(SpawnSpec.of(BUSYBOX, List.of("sleep", "10"))));
            KERNEL.chroot(root.toString());
            KERNEL.chdir("/");
            return null;
        });

        Map<String, String> inside = namespaces(containerTask());
        assertThat(namespaces("/proc/thread-self")).as("test thread keeps the host's").isEqualTo(hostBefore);
        for (String ns : List.of("mnt", "uts", "ipc", "net", "pid_for_children", "cgroup")) {
            assertThat(inside.get(ns)).as(ns).isNotEqualTo(hostBefore.get(ns));
        }
        assertThat(inside.get("pid")).as("a thread never changes its own pid namespace").isEqualTo(hostBefore.get("pid"));
        assertThat(container.call(KERNEL::hostname)).isEqualTo("jlab-isolated");
        assertThat(KERNEL.hostname()).isEqualTo(hostname);
        assertThat(readLink(containerTask() + "/root")).isEqualTo(root.toString());
        assertThat(readLink(containerTask() + "/cwd")).isEqualTo(root.toString());
        assertThat(readLink("/proc/thread-self/root")).isEqualTo("/");
        assertThat(readLink("/proc/thread-self/cwd")).isEqualTo(hostCwd);
    }

    @Test void firstChildAfterUnsharingThePidNamespaceIsPid1() {
        int pid = container.call(() -> {
            KERNEL.unshare(EnumSet.of(Namespace.PID));
            return fixture.track(KERNEL.spawn(SpawnSpec.of(BUSYBOX, List.of("sleep", "10"))));
        });
        String status = read(Path.of("/proc/" + pid + "/status"));
        assertThat(status.lines()).contains("NSpid:\t" + pid + "\t1");
        assertThat(readLink("/proc/" + pid + "/ns/pid")).isEqualTo(readLink(containerTask() + "/ns/pid_for_children"));
    }

    @Test void pivotRootMovesOnlyTheContainerThreadOntoANewRoot() throws IOException {
        Path newRoot = fixture.tempDir();
        List<String> rootEntries = container.call(() -> {
            KERNEL.unshare(EnumSet.of(Namespace.MOUNT));
            KERNEL.mount(null, "/", null, RECURSIVE_PRIVATE, null);
            KERNEL.mount("tmpfs", newRoot.toString(), "tmpfs", EnumSet.noneOf(MountFlag.class), "size=1m");
            Files.createDirectory(newRoot.resolve("old-root"));
            Files.writeString(newRoot.resolve("marker"), "inside");
            KERNEL.chdir(newRoot.toString());
            KERNEL.pivotRoot(".", "old-root");
            KERNEL.umount2("/old-root", EnumSet.of(UmountFlag.MNT_DETACH));
            KERNEL.chdir("/");
            return KernelFixture.list(Path.of("/")).stream().toList();
        });
        assertThat(rootEntries).containsExactly("marker", "old-root");
        assertThat(KernelFixture.list(newRoot)).as("the host sees the empty directory").isEmpty();
        assertThat(readLink("/proc/thread-self/root")).isEqualTo("/");
    }

    @Test void setnsReturnsTheThreadToTheHostsNetworkNamespace() {
        String hostNet = readLink("/proc/thread-self/ns/net");
        String testTask = "/proc/self/task/" + KERNEL.gettid();
        int hostNetFd = KERNEL.open(testTask + "/ns/net", EnumSet.of(OpenFlag.O_CLOEXEC));
        try {
            String afterUnshare = container.call(() -> {
                KERNEL.unshare(EnumSet.of(Namespace.NET));
                return readLink("/proc/thread-self/ns/net");
            });
            assertThat(afterUnshare).isNotEqualTo(hostNet);
            container.call(() -> { KERNEL.setns(hostNetFd, Namespace.NET); return null; });
            assertThat(readLink(containerTask() + "/ns/net")).isEqualTo(hostNet);
        } finally {
            KERNEL.close(hostNetFd);
        }
    }

    @Test void fchdirAfterUnsharingFsMovesOnlyThisThreadsCwd() throws IOException {
        Path dir = fixture.tempDir();
        String hostCwd = readLink("/proc/thread-self/cwd");
        int fd = KERNEL.open(dir.toString(), EnumSet.of(OpenFlag.O_DIRECTORY, OpenFlag.O_CLOEXEC));
        try {
            container.call(() -> {
                KERNEL.unshareFs();
                KERNEL.fchdir(fd);
                return null;
            });
        } finally {
            KERNEL.close(fd);
        }
        assertThat(readLink(containerTask() + "/cwd")).isEqualTo(dir.toString());
        assertThat(readLink("/proc/thread-self/cwd")).isEqualTo(hostCwd);
    }

    @Test void boundingSetAndNoNewPrivsAreSetPerThread() {
        int capSysBoot = 22;
        container.call(() -> {
            KERNEL.dropBoundingCapability(capSysBoot);
            KERNEL.setNoNewPrivs();
            return null;
        });
        String inside = read(Path.of(containerTask() + "/status"));
        String host = read(Path.of("/proc/thread-self/status"));
        assertThat(capBnd(inside) & 1L << capSysBoot).isZero();
        assertThat(capBnd(host) & 1L << capSysBoot).isNotZero();
        assertThat(inside.lines()).contains("NoNewPrivs:\t1");
        assertThat(host.lines()).contains("NoNewPrivs:\t0");
    }

    private static long capBnd(String status) {
        return Long.parseLong(status.lines().filter(l -> l.startsWith("CapBnd:")).findFirst().orElseThrow()
                .substring("CapBnd:".length()).strip(), 16);
    }
}
