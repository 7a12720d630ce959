package jlab.kernel.ffm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jlab.kernel.Errno;
import jlab.kernel.Signal;
import jlab.kernel.SpawnSpec;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.kernel.WaitStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the kernel tests share: the real kernel, a root check that fails (never skips), and a record of
 * everything a test creates (children, temp dirs) so {@link #close()} removes it and proves nothing is left.
 */
final class KernelFixture implements AutoCloseable {
    static final Syscalls KERNEL = FfmSyscalls.instance();
    static final String BUSYBOX = "/bin/busybox";

    private final List<Integer> children = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    static void requireRoot() {
        assertThat(KERNEL.geteuid()).as("kernel tests must run as root").isZero();
        assertThat(Path.of(BUSYBOX)).as("busybox-static is needed").isExecutable();
    }

    /** Remembers a child spawned elsewhere (e.g. on a container thread) so close() kills and reaps it. */
    int track(int pid) {
        children.add(pid);
        return pid;
    }

    int spawn(SpawnSpec spec) {
        return track(KERNEL.spawn(spec));
    }

    Path tempDir() throws IOException {
        Path dir = Files.createTempDirectory("jlab-ffm-");
        dirs.add(dir);
        return dir;
    }

    /** Reads {@code fd} until end of file, then closes it. */
    static String readAll(int fd) {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = KERNEL.read(fd, buffer)) > 0; ) out.write(buffer, 0, n);
        } finally {
            KERNEL.close(fd);
        }
        return out.toString();
    }

    static String readLink(String path) {
        try {
            return Files.readSymbolicLink(Path.of(path)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return new TreeSet<>(entries.map(p -> p.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host's mount table (the JVM main thread's mount namespace). */
    static String hostMountinfo() {
        return read(Path.of("/proc/self/mountinfo"));
    }

    /** Kills (by pid) and reaps every tracked child, deletes temp dirs, and asserts none is left. */
    @Override public void close() throws IOException {
        for (int pid : children) {
            try {
                KERNEL.kill(pid, Signal.SIGKILL);
            } catch (SyscallException alreadyGone) {
                // the test reaped it already
                assertThat(alreadyGone.errno().number()).isEqualTo(Errno.ESRCH);
            }
            try {
                WaitStatus status = KERNEL.waitpid(pid, false);
                assertThat(status).isNotInstanceOf(WaitStatus.StillRunning.class);
            } catch (SyscallException reapedByTest) {
                assertThat(reapedByTest.errno().number()).isEqualTo(Errno.ECHILD);
            }
            assertThatThrownBy(() -> KERNEL.waitpid(pid, true)).as("child %d left behind", pid)
                    .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.errno().number()).isEqualTo(Errno.ECHILD));
        }
        String mounts = hostMountinfo();
        for (Path dir : dirs) {
            assertThat(mounts).as("host mount table").doesNotContain(dir.toString());
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
            assertThat(dir).doesNotExist();
        }
    }
}
