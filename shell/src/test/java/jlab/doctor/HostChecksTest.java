package jlab.doctor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class HostChecksTest {

    @TempDir
    Path dir;
    FakeHost host;

    @BeforeEach
    void fakeThisMachine() {
        host = new FakeHost(dir);
    }

    @Test
    void rootIsOkForEuidZero() {
        assertThat(host.checks().root()).isEqualTo(Finding.ok("running as root", "euid 0"));
    }

    @Test
    void rootFailsWhenOnlyTheRealUidIsZero() {
        host.write("proc/self/status", FakeHost.STATUS_ROOT.replace("Uid:\t0\t0\t0\t0", "Uid:\t0\t1000\t1000\t1000"));
        Finding f = host.checks().root();
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.found()).isEqualTo("euid 1000");
        assertThat(f.whatToDo()).contains("sudo");
    }

    @Test
    void rootFailsWhenStatusIsMissing() {
        host.delete("proc/self/status");
        Finding f = host.checks().root();
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.found()).contains("self/status").contains("does not exist");
    }

    @Test
    void kernel618IsOk() {
        Finding f = host.checks().kernel();
        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.found()).isEqualTo("Linux 6.18.44-fc-v657");
    }

    @Test
    void kernel58IsOkAnd57Fails() {
        host.write("proc/sys/kernel/osrelease", "5.8.0-63-generic\n");
        assertThat(host.checks().kernel().status()).isEqualTo(Status.OK);
        host.write("proc/sys/kernel/osrelease", "5.7.19\n");
        Finding f = host.checks().kernel();
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.whatToDo()).contains("5.8");
    }

    @Test
    void allNamespaceTypesPresent() {
        Finding f = host.checks().namespaces();
        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.found()).isEqualTo("all 8 types: mnt uts ipc pid net user cgroup time");
    }

    @Test
    void missingTimeNamespaceFails() {
        host.delete("proc/self/ns/time");
        Finding f = host.checks().namespaces();
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.found()).isEqualTo("time: missing");
    }

    @Test
    void zeroNetNamespaceLimitFails() {
        host.write("proc/sys/user/max_net_namespaces", "0\n");
        Finding f = host.checks().namespaces();
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.found()).isEqualTo("net: max_net_namespaces = 0");
    }

    @Test
    void disabledUserNamespacesOnlyWarn() {
        host.write("proc/sys/user/max_user_namespaces", "0\n");
        Finding f = host.checks().namespaces();
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.found()).isEqualTo("user: max_user_namespaces = 0");
    }

    @Test
    void missingLimitFileIsNotAProblem() {
        host.delete("proc/sys/user/max_time_namespaces");
        assertThat(host.checks().namespaces().status()).isEqualTo(Status.OK);
    }

    @Test
    void overlayListedIsOk() {
        assertThat(host.checks().overlayfs().status()).isEqualTo(Status.OK);
    }

    @Test
    void overlayAbsentWarnsWithModprobe() {
        host.write("proc/filesystems", FakeHost.FILESYSTEMS.replace("nodev\toverlay\n", ""));
        Finding f = host.checks().overlayfs();
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.whatToDo()).isEqualTo("modprobe overlay");
    }

    @Test
    void cgroupV1HybridListsBothHierarchies() {
        Finding f = host.checks().cgroups();
        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.found()).isEqualTo("v1 (hybrid): blkio cpu cpuacct cpuset devices freezer memory pids; "
                + "cgroup2 at /sys/fs/cgroup/unified: hugetlb");
    }

    @Test
    void cgroupV2ReadsControllersFromSys() {
        host.write("proc/self/mountinfo", FakeHost.MOUNTINFO_V2)
                .write("sys/fs/cgroup/cgroup.controllers", FakeHost.V2_CONTROLLERS);
        Finding f = host.checks().cgroups();
        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.found()).isEqualTo("v2 (unified): cpuset cpu io memory hugetlb pids rdma misc");
    }

    @Test
    void cgroupV2WithoutMemoryControllerWarns() {
        host.write("proc/self/mountinfo", FakeHost.MOUNTINFO_V2)
                .write("sys/fs/cgroup/cgroup.controllers", "cpuset cpu io pids\n");
        Finding f = host.checks().cgroups();
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.found()).endsWith("(no memory)");
    }

    @Test
    void noCgroupMountFails() {
        host.write("proc/self/mountinfo", FakeHost.MOUNTINFO_V1_HYBRID.lines()
                .filter(l -> !l.contains(" cgroup")).map(l -> l + "\n").reduce("", String::concat));
        Finding f = host.checks().cgroups();
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.whatToDo()).isEqualTo("mount -t cgroup2 cgroup2 /sys/fs/cgroup");
    }

    @Test
    void busyboxMissingFails(@TempDir Path empty) {
        Finding f = host.checks().busybox(empty.resolve("busybox"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.whatToDo()).isEqualTo("apt-get install busybox-static");
    }

    @Test
    void busyboxThatIsNotElfFails() {
        host.write("busybox", "#!/bin/sh\nexec /bin/busybox \"$@\"\n");
        Finding f = host.checks().busybox(dir.resolve("busybox"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.found()).contains("not an ELF file");
    }

    @Test
    void staticBusyboxIsOk() {
        assertThat(host.checks().busybox(Path.of("/bin/busybox")))
                .isEqualTo(Finding.ok("busybox-static", "/bin/busybox (statically linked)"));
    }

    @Test
    void dynamicBinaryFails() {
        Finding f = host.checks().busybox(Path.of("/bin/ls"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.found()).isEqualTo("/bin/ls is dynamically linked");
    }

    @Test
    void java25IsOkAnd21Fails() {
        assertThat(host.checks().java(Runtime.Version.parse("25.0.3+9-LTS")).status()).isEqualTo(Status.OK);
        Finding f = host.checks().java(Runtime.Version.parse("21.0.5+11"));
        assertThat(f.status()).isEqualTo(Status.FAIL);
        assertThat(f.found()).isEqualTo("Java 21.0.5+11");
    }

    @Test
    void pidnsDecidedByKernelVersion() {
        assertThat(host.checks().procForPidNamespace(Optional.empty()).found())
                .isEqualTo("pidns mount option (6.18+): yes → jlab mounts /proc itself");
        host.write("proc/sys/kernel/osrelease", "6.12.48+deb13-amd64\n");
        assertThat(host.checks().procForPidNamespace(Optional.empty()).found())
                .isEqualTo("pidns mount option (6.18+): no → a process inside mounts it");
    }

    @Test
    void pidnsProbeOverridesKernelVersion() {
        Optional<BooleanSupplier> refuses = Optional.of(() -> false);
        Finding f = host.checks().procForPidNamespace(refuses);
        assertThat(f.status()).isEqualTo(Status.OK);
        assertThat(f.found()).endsWith("no → a process inside mounts it");
    }

    @Test
    void pidnsProbeThatThrowsCountsAsNo() {
        Optional<BooleanSupplier> broken = Optional.of(() -> { throw new IllegalStateException("fsopen: ENOSYS"); });
        assertThat(host.checks().procForPidNamespace(broken).found()).endsWith("no → a process inside mounts it");
    }
}
