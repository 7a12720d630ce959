package jlab.kernel.ffm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jlab.kernel.OpenFlag;
import jlab.kernel.Pipe;
import jlab.kernel.Signal;
import jlab.kernel.SpawnSpec;
import jlab.kernel.WaitStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static jlab.kernel.ffm.KernelFixture.BUSYBOX;
import static jlab.kernel.ffm.KernelFixture.KERNEL;
import static jlab.kernel.ffm.KernelFixture.readAll;
import static jlab.kernel.ffm.KernelFixture.readLink;
import static org.assertj.core.api.Assertions.assertThat;

/** Calls that succeed, on the test's own thread (nothing here changes a namespace, root or cwd). */
@Tag("kernel")
class FfmSyscallsTest {
    private KernelFixture fixture;

    @BeforeAll static void root() { KernelFixture.requireRoot(); }

    @BeforeEach void setUp() { fixture = new KernelFixture(); }

    @AfterEach void tearDown() throws IOException { fixture.close(); }

    private static SpawnSpec busybox(String... args) {
        var argv = new java.util.ArrayList<String>(List.of("busybox"));
        argv.addAll(List.of(args));
        return SpawnSpec.of(BUSYBOX, argv);
    }

    @Test void identityMatchesWhatProcShows() {
        assertThat(KERNEL.getpid()).isEqualTo((int) ProcessHandle.current().pid());
        assertThat(readLink("/proc/thread-self")).isEqualTo(KERNEL.getpid() + "/task/" + KERNEL.gettid());
        assertThat(KERNEL.gettid()).as("a JUnit worker is not the main thread").isNotEqualTo(KERNEL.getpid());
        assertThat(KERNEL.geteuid()).isZero();
    }

    @Test void hostnameIsTheNodenameProcShows() {
        assertThat(KERNEL.hostname()).isEqualTo(KernelFixture.read(Path.of("/proc/sys/kernel/hostname")).strip());
    }

    @Test void openReadAndCloseAFile() throws IOException {
        Path file = fixture.tempDir().resolve("greeting");
        Files.writeString(file, "hello from the kernel\n");
        int fd = KERNEL.open(file.toString(), EnumSet.of(OpenFlag.O_CLOEXEC));
        assertThat(readAll(fd)).isEqualTo("hello from the kernel\n");
        assertThat(Path.of("/proc/self/fd/" + fd)).doesNotExist();
    }

    @Test void spawnedChildExitsWithItsCode() {
        int pid = fixture.spawn(busybox("sh", "-c", "exit 7"));
        assertThat(KERNEL.waitpid(pid, false)).isEqualTo(new WaitStatus.Exited(pid, 7));
    }

    @Test void spawnCapturesStdoutAndStderrThroughAPipe() {
        Pipe pipe = KERNEL.pipe();
        int pid;
        try {
            pid = fixture.spawn(busybox("sh", "-c", "echo out; echo err >&2").withOutput(pipe.writeFd(), pipe.writeFd()));
        } finally {
            KERNEL.close(pipe.writeFd());  // or the read below never sees end of file
        }
        assertThat(readAll(pipe.readFd())).isEqualTo("out\nerr\n");
        assertThat(KERNEL.waitpid(pid, false)).isEqualTo(new WaitStatus.Exited(pid, 0));
    }

    @Test void childHasOnlyItsThreeStandardDescriptorsInItsOwnSessionAtRoot() throws IOException {
        Pipe pipe = KERNEL.pipe();
        int pid;
        try {
            pid = fixture.spawn(busybox("sleep", "10").withOutput(pipe.writeFd(), SpawnSpec.DEV_NULL));
        } finally {
            KERNEL.close(pipe.writeFd());
        }
        try {
            // posix_spawn returns after the exec, so the descriptors are final already.
            assertThat(KernelFixture.list(Path.of("/proc/" + pid + "/fd"))).containsExactly("0", "1", "2");
            assertThat(readLink("/proc/" + pid + "/fd/0")).isEqualTo("/dev/null");
            assertThat(readLink("/proc/" + pid + "/fd/1")).startsWith("pipe:");
            assertThat(readLink("/proc/" + pid + "/fd/2")).isEqualTo("/dev/null");
            assertThat(readLink("/proc/" + pid + "/cwd")).isEqualTo("/");
            String stat = KernelFixture.read(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            assertThat(fields[3]).as("session id").isEqualTo(String.valueOf(pid));
        } finally {
            KERNEL.close(pipe.readFd());
        }
    }

    @Test void childStartsWithNoSignalBlockedOrIgnored() {
        int pid = fixture.spawn(busybox("sleep", "10"));
        String status = KernelFixture.read(Path.of("/proc/" + pid + "/status"));
        assertThat(status).contains("SigBlk:\t0000000000000000").contains("SigIgn:\t0000000000000000");
    }

    @Test void killedChildIsReportedWithItsSignal() {
        int pid = fixture.spawn(busybox("sleep", "10"));
        assertThat(KERNEL.waitpid(pid, true)).isEqualTo(new WaitStatus.StillRunning(pid));
        KERNEL.kill(pid, Signal.SIGKILL);
        assertThat(KERNEL.waitpid(pid, false)).isEqualTo(new WaitStatus.Signaled(pid, Signal.SIGKILL.number(), false));
    }

    @Test void pidfdSignalsTheProcessItWasOpenedFor() {
        int pid = fixture.spawn(busybox("sleep", "10"));
        int pidfd = KERNEL.pidfdOpen(pid);
        try {
            assertThat(readLink("/proc/self/fd/" + pidfd)).isEqualTo("anon_inode:[pidfd]");
            KERNEL.pidfdSendSignal(pidfd, Signal.SIGTERM);
            assertThat(KERNEL.waitpid(pid, false)).isEqualTo(new WaitStatus.Signaled(pid, Signal.SIGTERM.number(), false));
        } finally {
            KERNEL.close(pidfd);
        }
    }

    @Test void subreaperCanBeSetAndCleared() {
        KERNEL.setChildSubreaper(true);
        KERNEL.setChildSubreaper(false);
        int pid = fixture.spawn(busybox("true"));
        assertThat(KERNEL.waitpid(pid, false)).isEqualTo(new WaitStatus.Exited(pid, 0));
    }

    @Test void pipeEndsAreCloseOnExec() {
        Pipe pipe = KERNEL.pipe();
        try {
            for (int fd : Set.of(pipe.readFd(), pipe.writeFd())) {
                String fdinfo = KernelFixture.read(Path.of("/proc/self/fdinfo/" + fd));
                long flags = Long.parseLong(fdinfo.lines().filter(l -> l.startsWith("flags:")).findFirst()
                        .orElseThrow().substring(6).strip(), 8);
                assertThat(flags & 02000000).as("O_CLOEXEC on fd %d", fd).isNotZero();
            }
        } finally {
            KERNEL.close(pipe.readFd());
            KERNEL.close(pipe.writeFd());
        }
    }
}
