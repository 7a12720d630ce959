package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import jlab.kernel.LoggingSyscalls;
import jlab.kernel.Namespace;
import jlab.kernel.SyscallLog;
import jlab.kernel.Syscalls;
import jlab.kernel.ffm.FfmSyscalls;
import jlab.ledger.KernelReleaser;
import jlab.ledger.Ledger;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.ProcessIdentity;

/**
 * A real container for kernel tests: its own mount, UTS, IPC, network and pid namespaces, / private, an
 * init (or a bare sandbox, to build step by step). {@link #close} tears it down and fails when anything is
 * left: mounts, the rootfs, the init, session directories.
 */
final class ContainerFixture implements AutoCloseable {
    final Syscalls kernel = new FfmSyscalls();
    final SyscallLog log = new SyscallLog();
    final Sandbox sandbox;
    private final Path base;
    private final Ledger ledger;
    private final List<String> hostMountsBefore;

    ContainerFixture(List<String> init) throws IOException {
        this();
        sandbox.unshare(EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.NET, Namespace.PID));
        sandbox.makePrivate("/");
        sandbox.spawnInit(init);
    }

    /** A sandbox with nothing unshared yet, for tests that build the container step by step. */
    ContainerFixture() throws IOException {
        assertThat(kernel.geteuid()).as("kernel tests run as root (sudo ./jlab test)").isZero();
        hostMountsBefore = jlab.HostMounts.lines();
        base = Files.createTempDirectory("jlab-fixture-test");
        ledger = Ledger.open(base, ProcessIdentity.self(ProcStartTimes.system()));
        sandbox = Sandbox.create(new LoggingSyscalls(kernel, log), kernel, ledger, BusyboxRootfs.DEFAULT_BUSYBOX,
                KernelReleaser.system(kernel));
    }

    /** Runs a command in the container and requires exit status 0; returns its output. */
    String run(String... argv) {
        var result = sandbox.commands().run(List.of(argv), line -> { }, 10_000);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result.output();
    }

    /** Where the JVM reads the container thread's view of the file system (its mount namespace). */
    Path threadRoot() {
        return Path.of("/proc/self/task/" + sandbox.threadTid() + "/root");
    }

    @Override public void close() throws IOException {
        Path rootfs = sandbox.rootfs();
        var init = sandbox.initPid();
        sandbox.close();
        ledger.teardown(KernelReleaser.system(kernel));
        ledger.close();
        assertThat(rootfs).doesNotExist();
        init.ifPresent(pid -> assertThat(Path.of("/proc/" + pid)).as("init is gone").doesNotExist());
        assertThat(jlab.HostMounts.lines()).isEqualTo(hostMountsBefore);
        try (var left = Files.list(base)) {
            assertThat(left).as("session directories left in " + base).isEmpty();
        }
        Files.delete(base);
    }
}
