package jlab.ledger;

import jlab.kernel.Errno;
import jlab.kernel.WaitStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static jlab.ledger.ScriptedSyscalls.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KernelReleaserTest {
    private static final ProcessIdentity SLEEPER = new ProcessIdentity(5000, 80000);

    @TempDir Path tmp;

    private final FakeStartTimes startTimes = new FakeStartTimes();
    private final ScriptedSyscalls script = new ScriptedSyscalls()
            .on("close", args -> null)
            .on("waitpid", args -> { throw failure("waitpid", Errno.ECHILD); });

    private KernelReleaser releaser() throws IOException {
        Path mountinfo = Files.writeString(tmp.resolve("mountinfo"), "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw\n");
        return new KernelReleaser(script.kernel(), startTimes, mountinfo, Duration.ofMillis(200));
    }

    @Test void killsThroughAPidfdAndWaitsForTheProcessToGo() throws IOException {
        startTimes.running(SLEEPER);
        script.on("pidfdOpen", args -> 7).on("pidfdSendSignal", args -> {
            startTimes.exited(SLEEPER.pid());
            return null;
        });

        assertThat(releaser().release(SLEEPER.asResource())).isEqualTo("killed (SIGKILL)");

        assertThat(script.calls()).containsExactly("pidfdOpen(5000)", "pidfdSendSignal(7, SIGKILL)", "close(7)",
                "waitpid(5000, true)");
    }

    @Test void reapsAKilledChildOfItsOwn() throws IOException {
        startTimes.running(SLEEPER);
        script.on("pidfdOpen", args -> 7).on("pidfdSendSignal", args -> {
            startTimes.exited(SLEEPER.pid());
            return null;
        }).on("waitpid", args -> new WaitStatus.Signaled(5000, 9, false));

        assertThat(releaser().release(SLEEPER.asResource())).isEqualTo("killed (SIGKILL)");
        assertThat(script.calls()).last().isEqualTo("waitpid(5000, true)");
    }

    @Test void neverSignalsAPidThatNowBelongsToAnotherProcess() throws IOException {
        startTimes.running(new ProcessIdentity(SLEEPER.pid(), SLEEPER.startTime() + 500));

        assertThat(releaser().release(SLEEPER.asResource())).contains("now belongs to another process").contains("left alone");
        assertThat(script.calls()).isEmpty();
    }

    @Test void aProcessAlreadyGoneNeedsNothing() throws IOException {
        assertThat(releaser().release(SLEEPER.asResource())).isEqualTo("already gone");
        assertThat(script.calls()).isEmpty();
    }

    @Test void aProcessThatExitsBeforeThePidfdOpensIsGone() throws IOException {
        startTimes.running(SLEEPER);
        script.on("pidfdOpen", args -> { throw failure("pidfd_open", Errno.ESRCH); });

        assertThat(releaser().release(SLEEPER.asResource())).isEqualTo("already gone");
        assertThat(script.calls()).containsExactly("pidfdOpen(5000)");
    }

    @Test void aProcessThatSurvivesSigkillIsReported() throws IOException {
        startTimes.running(SLEEPER);
        script.on("pidfdOpen", args -> 7).on("pidfdSendSignal", args -> null);

        assertThatThrownBy(() -> releaser().release(SLEEPER.asResource()))
                .isInstanceOf(ReleaseException.class).hasMessageContaining("still runs after 200 ms");
        assertThat(script.calls()).contains("close(7)");
    }

    @Test void unmountsHostMountsLazily() throws IOException {
        script.on("umount2", args -> null);

        assertThat(releaser().release(new Resource.Mount(Path.of("/run/jlab/s1-ab/merged"), true)))
                .isEqualTo("unmounted (MNT_DETACH)");
        assertThat(script.calls()).containsExactly("umount2(/run/jlab/s1-ab/merged, [MNT_DETACH])");
    }

    @Test void aMountInTheLabsNamespaceWentWithIt() throws IOException {
        assertThat(releaser().release(new Resource.Mount(Path.of("/run/jlab/s1-ab/rootfs/proc"), false)))
                .contains("lab's mount namespace");
        assertThat(script.calls()).isEmpty();
    }

    @Test void umountErrorsSayWhetherTheMountIsGone() throws IOException {
        script.on("umount2", args -> { throw failure("umount2", Errno.EINVAL); });
        assertThat(releaser().release(new Resource.Mount(Path.of("/run/jlab/x"), true))).isEqualTo("was not mounted");

        script.on("umount2", args -> { throw failure("umount2", Errno.EPERM); });
        assertThatThrownBy(() -> releaser().release(new Resource.Mount(Path.of("/run/jlab/x"), true)))
                .isInstanceOf(ReleaseException.class).hasMessageContaining("EPERM");
    }

    @Test void unpinsANetworkNamespace() throws IOException {
        Path pin = Files.createFile(tmp.resolve("net"));
        script.on("umount2", args -> null);

        assertThat(releaser().release(new Resource.NetNamespace(pin))).isEqualTo("unmounted (MNT_DETACH), pin file removed");
        assertThat(pin).doesNotExist();
    }

    @Test void removesAnEmptyCgroupDirectory() throws IOException {
        Path cgroup = Files.createDirectory(tmp.resolve("jlab-s1"));

        assertThat(releaser().release(new Resource.Cgroup(cgroup))).isEqualTo("removed (rmdir)");
        assertThat(cgroup).doesNotExist();
        assertThat(releaser().release(new Resource.Cgroup(cgroup))).isEqualTo("already gone");
    }

    @Test void aCgroupWithChildrenIsReported() throws IOException {
        Path cgroup = Files.createDirectories(tmp.resolve("jlab-s1/child"));

        assertThatThrownBy(() -> releaser().release(new Resource.Cgroup(cgroup.getParent())))
                .isInstanceOf(ReleaseException.class).hasMessageContaining("child cgroups");
        assertThat(cgroup).isDirectory();
    }
}
