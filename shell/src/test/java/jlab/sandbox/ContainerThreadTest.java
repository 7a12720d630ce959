package jlab.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

import jlab.kernel.Errno;
import jlab.kernel.Namespace;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.kernel.ffm.FfmSyscalls;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerThreadTest {
    private static final Syscalls KERNEL = FfmSyscalls.instance();

    @Test void runsTasksInOrderOnOneDedicatedPlatformThread() {
        try (var container = new ContainerThread("jlab-test-order", KERNEL)) {
            var seen = new ArrayList<Integer>();
            var threads = new ArrayList<Thread>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                container.call(() -> {
                    seen.add(n);
                    threads.add(Thread.currentThread());
                    return null;
                });
            }
            assertThat(seen).containsExactly(0, 1, 2, 3, 4);
            assertThat(threads).allSatisfy(t -> assertThat(t).isSameAs(threads.getFirst()));
            assertThat(threads.getFirst().isVirtual()).isFalse();
            assertThat(threads.getFirst().getName()).isEqualTo("jlab-test-order");
            assertThat(threads.getFirst()).isNotSameAs(Thread.currentThread());
        }
    }

    @Test void tidIsTheKernelsIdOfThatThread() throws IOException {
        try (var container = new ContainerThread("jlab-test-tid", KERNEL)) {
            assertThat(container.tid()).isEqualTo(container.call(KERNEL::gettid)).isNotEqualTo(KERNEL.gettid());
            Path comm = Path.of("/proc/self/task/" + container.tid() + "/comm");
            assertThat(Files.readString(comm).strip()).isEqualTo("jlab-test-tid");
        }
    }

    @Test void syscallExceptionReachesTheCallerAsItIs() {
        try (var container = new ContainerThread("jlab-test-errors", KERNEL)) {
            assertThatThrownBy(() -> container.call(() -> { KERNEL.chdir("/nonexistent"); return null; }))
                    .isInstanceOfSatisfying(SyscallException.class,
                            e -> assertThat(e.errno().number()).isEqualTo(Errno.ENOENT));
            assertThat(container.call(() -> "still serving")).isEqualTo("still serving");
        }
    }

    @Test void checkedExceptionsAreWrapped() {
        try (var container = new ContainerThread("jlab-test-checked", KERNEL)) {
            assertThatThrownBy(() -> container.call(() -> { throw new IOException("disk"); }))
                    .isInstanceOf(UncheckedIOException.class).hasRootCauseMessage("disk");
            assertThatThrownBy(() -> container.call(() -> { throw new Exception("other"); }))
                    .isInstanceOf(CompletionException.class).hasRootCauseMessage("other");
            assertThatThrownBy(() -> container.call(() -> { throw new StackOverflowError("deep"); }))
                    .isInstanceOf(StackOverflowError.class);
            assertThat(container.call(() -> 42)).isEqualTo(42);
        }
    }

    @Test void aCallFromTheThreadItselfRunsAtOnce() {
        try (var container = new ContainerThread("jlab-test-nested", KERNEL)) {
            assertThat(container.call(() -> container.call(() -> "inner") + " outer")).isEqualTo("inner outer");
        }
    }

    @Test void closeEndsTheThreadAndIsIdempotent() {
        var container = new ContainerThread("jlab-test-close", KERNEL);
        Thread thread = container.call(Thread::currentThread);
        container.close();
        assertThat(thread.isAlive()).isFalse();
        assertThat(Path.of("/proc/self/task/" + container.tid())).doesNotExist();
        container.close();
        assertThatThrownBy(() -> container.call(() -> 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    /**
     * The kernel refuses CLONE_THREAD once a thread's pid_for_children differs from its own pid namespace,
     * so after unshare(CLONE_NEWPID) the container thread can start no Java thread. This is why nothing
     * on it may start one lazily; if this test ever fails, the kernel has changed, not the rule.
     */
    @Tag("kernel")
    @Test void afterUnsharingThePidNamespaceTheThreadCannotStartThreads() {
        assertThat(KERNEL.geteuid()).as("kernel tests must run as root").isZero();
        try (var container = new ContainerThread("jlab-test-nothreads", KERNEL)) {
            assertThat(container.call(ContainerThreadTest::startAThread)).as("before unshare").isEqualTo("started");
            String outcome = container.call(() -> {
                KERNEL.unshare(Set.of(Namespace.PID));
                return startAThread();
            });
            assertThat(outcome).startsWith("OutOfMemoryError").contains("unable to create native thread");
            assertThat(container.call(() -> "queue still works")).isEqualTo("queue still works");
        }
    }

    private static String startAThread() throws InterruptedException {
        try {
            Thread t = Thread.ofPlatform().start(() -> {});
            t.join();
            return "started";
        } catch (OutOfMemoryError e) {
            return "OutOfMemoryError: " + e.getMessage();
        }
    }

    @Test void threadsOfDifferentContainersAreDistinct() {
        try (var a = new ContainerThread("jlab-test-a", KERNEL); var b = new ContainerThread("jlab-test-b", KERNEL)) {
            assertThat(List.of(a.tid(), b.tid())).doesNotHaveDuplicates();
        }
    }
}
