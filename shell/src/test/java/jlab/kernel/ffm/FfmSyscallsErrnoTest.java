package jlab.kernel.ffm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import jlab.kernel.Errno;
import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.Signal;
import jlab.kernel.SpawnSpec;
import jlab.kernel.SyscallException;
import jlab.kernel.UmountFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static jlab.kernel.ffm.KernelFixture.KERNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failing calls against the real kernel: the errno, and a message that shows the call as strace would. */
@Tag("kernel")
class FfmSyscallsErrnoTest {

    @BeforeAll static void root() { KernelFixture.requireRoot(); }

    private static SyscallException failure(Executable call) {
        try {
            call.execute();
        } catch (SyscallException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("expected a SyscallException", t);
        }
        throw new AssertionError("the call succeeded");
    }

    @Test void chdirToMissingDirectoryIsEnoentWithTheCallInTheMessage() {
        SyscallException e = failure(() -> KERNEL.chdir("/nonexistent"));
        assertThat(e.errno().number()).isEqualTo(Errno.ENOENT);
        assertThat(e.call()).isEqualTo("chdir");
        assertThat(e.args()).containsExactly("\"/nonexistent\"");
        assertThat(e.getMessage()).startsWith("chdir(\"/nonexistent\") = -1 ENOENT (No such file or directory)");
    }

    @Test void umountOfADirectoryThatIsNoMountIsEinval() throws IOException {
        try (var fixture = new KernelFixture()) {
            String dir = fixture.tempDir().toString();
            SyscallException e = failure(() -> KERNEL.umount2(dir, Set.of(UmountFlag.MNT_DETACH)));
            assertThat(e.errno().number()).isEqualTo(Errno.EINVAL);
            assertThat(e.getMessage()).startsWith("umount2(\"" + dir + "\", MNT_DETACH) = -1 EINVAL")
                    .contains("not a mount point");
        }
    }

    @Test void killOfAPidThatDoesNotExistIsEsrch() {
        SyscallException e = failure(() -> KERNEL.kill(Integer.MAX_VALUE, Signal.SIGTERM));
        assertThat(e.errno().number()).isEqualTo(Errno.ESRCH);
        assertThat(e.getMessage()).startsWith("kill(2147483647, SIGTERM) = -1 ESRCH (No such process)");
    }

    @Test void setnsOnABadDescriptorIsEbadf() {
        SyscallException e = failure(() -> KERNEL.setns(-1, Namespace.NET));
        assertThat(e.errno().name()).isEqualTo("EBADF");
        assertThat(e.getMessage()).startsWith("setns(-1, CLONE_NEWNET) = -1 EBADF (Bad file descriptor)");
    }

    @Test void userNamespaceIsRefusedToAMultithreadedProcessWithAdvice() {
        SyscallException e = failure(() -> KERNEL.unshare(Set.of(Namespace.USER)));
        assertThat(e.errno().number()).isEqualTo(Errno.EINVAL);
        assertThat(e.getMessage()).isEqualTo("unshare(CLONE_NEWUSER) = -1 EINVAL (Invalid argument)"
                + " — a multithreaded process cannot create a user namespace");
    }

    @Test void flagsAreShownInEnumOrderJoinedWithBars() {
        // NEWUSER makes the whole call fail before any namespace is created, so this changes nothing.
        SyscallException e = failure(() -> KERNEL.unshare(EnumSet.of(Namespace.USER, Namespace.PID)));
        assertThat(e.args()).containsExactly("CLONE_NEWPID|CLONE_NEWUSER");
    }

    @Test void openOfAMissingFileIsEnoentWithItsFlags() {
        SyscallException e = failure(() -> KERNEL.open("/nonexistent", EnumSet.of(OpenFlag.O_CLOEXEC, OpenFlag.O_DIRECTORY)));
        assertThat(e.getMessage()).startsWith("open(\"/nonexistent\", O_DIRECTORY|O_CLOEXEC) = -1 ENOENT");
    }

    @Test void readAndCloseOfABadDescriptorAreEbadf() {
        assertThat(failure(() -> KERNEL.read(-1, new byte[8])).errno().name()).isEqualTo("EBADF");
        assertThat(failure(() -> KERNEL.close(-1)).errno().name()).isEqualTo("EBADF");
    }

    @Test void spawnOfAMissingProgramIsEnoentFromPosixSpawnsReturnValue() {
        SyscallException e = failure(() -> KERNEL.spawn(SpawnSpec.of("/nonexistent", List.of("nonexistent"))));
        assertThat(e.errno().number()).isEqualTo(Errno.ENOENT);
        assertThat(e.getMessage()).startsWith("posix_spawn(\"/nonexistent\", [\"nonexistent\"]) = -1 ENOENT")
                .contains("calling thread's root");
    }

    @Test void waitpidOnAProcessThatIsNoChildIsEchild() {
        SyscallException e = failure(() -> KERNEL.waitpid(1, true));
        assertThat(e.errno().number()).isEqualTo(Errno.ECHILD);
        assertThat(e.args()).containsExactly("1", "WNOHANG");
    }

    @Test void pidfdOfAPidThatDoesNotExistIsEsrch() {
        assertThat(failure(() -> KERNEL.pidfdOpen(Integer.MAX_VALUE)).errno().number()).isEqualTo(Errno.ESRCH);
    }

    @Test void procMountForANamespaceThatIsNoPidNamespaceFailsAtFsconfigWithTheKernelsReason() throws IOException {
        try (var fixture = new KernelFixture()) {
            Path dir = fixture.tempDir();
            int netns = KERNEL.open("/proc/thread-self/ns/net", EnumSet.of(OpenFlag.O_CLOEXEC));
            try {
                SyscallException e = failure(() -> KERNEL.mountProcForPidNamespace(dir.toString(), netns));
                assertThat(e.call()).isEqualTo("fsconfig");
                assertThat(e.args()).containsExactly(e.args().getFirst(), "FSCONFIG_SET_FD", "\"pidns\"", "NULL",
                        String.valueOf(netns));
                assertThat(e.errno().number()).isEqualTo(Errno.EINVAL);
                if (jlab.kernel.KernelRelease.current().procfsHasPidnsOption()) {
                    assertThat(e.advice()).isEqualTo("kernel says: e proc: pidns argument is not a pidns file");
                } else {
                    assertThat(e.advice()).as("older kernels do not know the key").startsWith("kernel says:").contains("pidns");
                }
            } finally {
                KERNEL.close(netns);
            }
        }
    }

    @Test void dropOfACapabilityThatDoesNotExistIsEinval() {
        // 63 is beyond CAP_LAST_CAP, so nothing is dropped from this thread.
        SyscallException e = failure(() -> KERNEL.dropBoundingCapability(63));
        assertThat(e.getMessage()).startsWith("prctl(PR_CAPBSET_DROP, 63) = -1 EINVAL");
    }

    /** errno lives in each call's own arena: threads failing at the same moment never see each other's. */
    @Test void concurrentFailuresEachKeepTheirOwnErrno() throws InterruptedException {
        var start = new CountDownLatch(1);
        var wrong = new ArrayList<String>();
        Runnable chdirs = () -> repeat(start, wrong, () -> KERNEL.chdir("/nonexistent"), "ENOENT");
        Runnable kills = () -> repeat(start, wrong, () -> KERNEL.kill(Integer.MAX_VALUE, Signal.SIGTERM), "ESRCH");
        Runnable setnses = () -> repeat(start, wrong, () -> KERNEL.setns(-1, null), "EBADF");
        List<Thread> threads = List.of(Thread.ofPlatform().start(chdirs), Thread.ofPlatform().start(kills),
                Thread.ofPlatform().start(setnses));
        start.countDown();
        for (Thread t : threads) t.join();
        assertThat(wrong).isEmpty();
    }

    private static void repeat(CountDownLatch start, List<String> wrong, Executable call, String expected) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        for (int i = 0; i < 500; i++) {
            String got = failure(call).errno().name();
            if (!got.equals(expected)) synchronized (wrong) { wrong.add(expected + " but got " + got); }
        }
    }
}
