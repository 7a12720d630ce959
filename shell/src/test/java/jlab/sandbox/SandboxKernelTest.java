package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.kernel.Namespace;
import jlab.kernel.SyscallLog;
import jlab.kernel.Syscalls;
import jlab.proc.ProcFs;

/** The sandbox against the real kernel: a whole container built step by step, and nothing left after. */
@Tag("kernel")
class SandboxKernelTest {
    private static final EnumSet<Namespace> CONTAINER =
            EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.NET, Namespace.PID, Namespace.CGROUP);

    private final ProcFs proc = new ProcFs();
    private ContainerFixture fixture;
    private Syscalls kernel;
    private SyscallLog log;
    private Sandbox sandbox;

    @BeforeEach
    void open() throws IOException {
        fixture = new ContainerFixture();
        kernel = fixture.kernel;
        log = fixture.log;
        sandbox = fixture.sandbox;
    }

    @AfterEach
    void noResidue() throws IOException {
        fixture.close();
    }

    private void isolate() {
        sandbox.unshare(CONTAINER);
        sandbox.makePrivate("/");
    }

    private String run(String... argv) {
        var result = sandbox.commands().run(List.of(argv), line -> { }, 5_000);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result.output();
    }

    @Test
    void buildsAContainerStepByStep() {
        String hostHostname = kernel.hostname();
        isolate();
        int init = sandbox.spawnInit(List.of("/bin/sh", "-c", "while :; do sleep 1000; done"));
        assertThat(proc.status(init).orElseThrow().nsPids()).containsExactly(init, 1);

        run("hostname", "lab");
        assertThat(sandbox.hostname()).isEqualTo("lab");
        assertThat(kernel.hostname()).isEqualTo(hostHostname);

        assertThat(sandbox.mounts().mountProc(true)).isEqualTo(jlab.kernel.KernelRelease.current().procfsHasPidnsOption()
                ? ContainerMounts.ProcMount.PIDNS_OPTION : ContainerMounts.ProcMount.PROCESS_INSIDE);
        assertThat(run("ps", "-o", "pid,comm")).contains("1 sh").doesNotContain(" java");

        int mountsBefore = proc.mountInfo((int) ProcessHandle.current().pid(), sandbox.threadTid()).size();
        sandbox.pivotRoot();
        var after = proc.mountInfo((int) ProcessHandle.current().pid(), sandbox.threadTid());
        assertThat(after.size()).isLessThan(mountsBefore);
        assertThat(after).extracting(m -> m.mountPoint()).contains("/", "/proc").doesNotContain("/sys", "/run");
        assertThat(run("cat", "/etc/motd")).contains("busybox root file system built by jlab");
        assertThat(log.all()).extracting(SyscallLog.Entry::call).contains("unshare", "mount", "posix_spawn", "pivot_root", "umount2");
    }

    @Test
    void mountsProcFromInsideWhenThePidnsOptionIsNotUsed() {
        isolate();
        sandbox.spawnInit(List.of("/bin/sh", "-c", "while :; do sleep 1000; done"));
        assertThat(sandbox.mounts().mountProc(false)).isEqualTo(ContainerMounts.ProcMount.PROCESS_INSIDE);
        assertThat(run("cat", "/proc/1/comm")).isEqualTo("sh\n");
    }

    @Test
    void containerProcessesLackTheDroppedCapabilities() {
        isolate();
        sandbox.spawnInit(List.of("/bin/sh", "-c", "while :; do sleep 1000; done"));
        sandbox.mounts().mountProc(true);
        String status = run("cat", "/proc/self/status");
        long bounding = Long.parseLong(status.lines().filter(l -> l.startsWith("CapBnd:")).findFirst().orElseThrow()
                .split("\\s+")[1], 16);
        assertThat(bounding & (1L << Capabilities.CAP_SYS_MODULE)).isZero();
        assertThat(bounding & (1L << Capabilities.CAP_MKNOD)).isZero();
        assertThat(bounding & (1L << 21)).as("CAP_SYS_ADMIN stays: mount -t proc needs it").isNotZero();
    }

    @Test
    void refusesCommandsBeforeTheContainerIsIsolated() {
        assertThatThrownBy(() -> run("hostname", "oops")).isInstanceOf(SandboxException.class)
                .hasMessageContaining("would run in the host's");
        sandbox.unshare(EnumSet.of(Namespace.MOUNT));
        assertThatThrownBy(() -> sandbox.mounts().mount("tmpfs", "/tmp", null)).isInstanceOf(SandboxException.class)
                .hasMessageContaining("make-private");
    }

    @Test
    void refusesAShellBeforeTheContainerIsIsolatedAndHasAnInit() {
        var size = new jlab.kernel.WindowSize(24, 80);
        assertThatThrownBy(() -> sandbox.commands().openShell("vt100", size)).isInstanceOf(SandboxException.class)
                .hasMessageStartingWith("cannot open a shell in the container yet").hasMessageContaining("would run in the host's");
        isolate();
        assertThatThrownBy(() -> sandbox.commands().openShell("vt100", size)).isInstanceOf(SandboxException.class)
                .hasMessageContaining("no init yet");
    }

    @Test
    void runsCommandsOnlyInsideTheRootfs() {
        isolate();
        sandbox.spawnInit(List.of("/bin/sh", "-c", "while :; do sleep 1000; done"));
        assertThat(run("ls", "/")).doesNotContain("home", "usr/lib").contains("bin");
        assertThatThrownBy(() -> sandbox.hostPath("/../../etc/shadow")).isInstanceOf(SandboxException.class);
        List<String> lines = new ArrayList<>();
        var result = sandbox.commands().run(List.of("sh", "-c", "echo one; echo two >&2; exit 3"), lines::add, 5_000);
        assertThat(lines).containsExactly("one", "two");
        assertThat(result.exitCode()).isEqualTo(3);
    }
}
