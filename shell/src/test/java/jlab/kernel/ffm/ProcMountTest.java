package jlab.kernel.ffm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jlab.kernel.MountFlag;
import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.SpawnSpec;
import jlab.kernel.WaitStatus;
import jlab.sandbox.ContainerThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static jlab.kernel.ffm.KernelFixture.BUSYBOX;
import static jlab.kernel.ffm.KernelFixture.KERNEL;
import static jlab.kernel.ffm.KernelFixture.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A /proc that shows a new pid namespace, both ways: jlab mounts it itself with procfs's pidns option
 * (Linux 6.18+), or a process inside the namespace mounts it (any kernel). The mounts are made in the
 * container thread's private mount namespace, so they vanish with it; the fixture proves it.
 */
@Tag("kernel")
class ProcMountTest {
    private KernelFixture fixture;
    private ContainerThread container;
    private Path procDir;
    private int init;

    @BeforeAll static void root() { KernelFixture.requireRoot(); }

    /** A container thread in new mount and pid namespaces, with a PID 1 that sleeps. */
    @BeforeEach void setUp() throws IOException {
        fixture = new KernelFixture();
        procDir = fixture.tempDir();
        container = new ContainerThread("jlab-test-proc", KERNEL);
        init = container.call(() -> {
            KERNEL.unshare(EnumSet.of(Namespace.MOUNT, Namespace.PID));
            KERNEL.mount(null, "/", null, EnumSet.of(MountFlag.MS_REC, MountFlag.MS_PRIVATE), null);
            return fixture.track(KERNEL.spawn(SpawnSpec.of(BUSYBOX, List.of("sleep", "10"))));
        });
    }

    @AfterEach void tearDown() throws IOException {
        int tid = container.tid();
        try {
            container.close();
        } finally {
            fixture.close();
        }
        assertThat(Path.of("/proc/self/task/" + tid)).doesNotExist();
    }

    /** On 6.18+ jlab mounts it itself; before, fsconfig refuses the pidns key and the sandbox falls back. */
    @Test void jlabMountsProcForThePidNamespaceItselfWhereTheKernelCan() {
        int pidns = KERNEL.open("/proc/" + init + "/ns/pid", EnumSet.of(OpenFlag.O_CLOEXEC));
        try {
            if (jlab.kernel.KernelRelease.current().procfsHasPidnsOption()) {
                container.call(() -> { KERNEL.mountProcForPidNamespace(procDir.toString(), pidns); return null; });
                assertShowsOnlyTheContainer();
            } else {
                var e = org.assertj.core.api.Assertions.catchThrowableOfType(jlab.kernel.SyscallException.class,
                        () -> container.call(() -> { KERNEL.mountProcForPidNamespace(procDir.toString(), pidns); return null; }));
                assertThat(e.call()).isEqualTo("fsconfig");
                assertThat(e.errno().number()).isEqualTo(jlab.kernel.Errno.EINVAL);
            }
        } finally {
            KERNEL.close(pidns);
        }
    }

    @Test void aProcessInsideMountsProcForItsPidNamespace() {
        int mounter = container.call(() -> fixture.track(KERNEL.spawn(
                SpawnSpec.of(BUSYBOX, List.of("mount", "-t", "proc", "proc", procDir.toString())))));
        assertThat(KERNEL.waitpid(mounter, false)).isEqualTo(new WaitStatus.Exited(mounter, 0));
        assertShowsOnlyTheContainer();
    }

    private void assertShowsOnlyTheContainer() {
        Set<String> entries = container.call(() -> KernelFixture.list(procDir));
        assertThat(entries).contains("1").doesNotContain(String.valueOf(KERNEL.getpid()), String.valueOf(init));
        String initStatus = container.call(() -> read(procDir.resolve("1/status")));
        assertThat(initStatus.lines()).contains("NSpid:\t1");
        assertThat(container.call(() -> read(Path.of("/proc/thread-self/mountinfo")))).contains(procDir.toString());
        assertThat(KernelFixture.hostMountinfo()).doesNotContain(procDir.toString());
        assertThat(KernelFixture.list(procDir)).as("the host sees the empty directory").isEmpty();
    }
}
