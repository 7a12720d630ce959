package jlab.kernel.ffm;

import java.util.List;

import jlab.kernel.Errno;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdviceTest {

    private static String advice(String call, List<String> args, int errno) {
        return Advice.forFailure(call, args, Errno.of(errno));
    }

    @Test void permissionProblemsPointAtRoot() {
        assertThat(advice("mount", List.of("\"proc\"", "\"/proc\"", "\"proc\"", "0", "NULL"), Errno.EPERM))
                .isEqualTo("jlab must run as root");
    }

    @Test void userNamespaceRefusalExplainsTheThreads() {
        assertThat(advice("unshare", List.of("CLONE_NEWPID|CLONE_NEWUSER"), Errno.EINVAL))
                .isEqualTo("a multithreaded process cannot create a user namespace");
        assertThat(advice("unshare", List.of("CLONE_NEWPID"), Errno.EINVAL)).contains("fresh container thread");
    }

    @Test void overlayAndProcMountFailuresAreNamed() {
        assertThat(advice("mount", List.of("\"overlay\"", "\"/m\"", "\"overlay\"", "0", "\"lowerdir=/l\""), Errno.EINVAL))
                .contains("overlayfs").contains("workdir").contains("jlab doctor");
        assertThat(advice("mount", List.of("\"proc\"", "\"/proc\"", "\"proc\"", "0", "NULL"), Errno.EINVAL))
                .contains("pid namespace");
        assertThat(advice("mount", List.of("\"tmpfs\"", "\"/t\"", "\"tmpfs\"", "0", "NULL"), Errno.EINVAL)).isEmpty();
    }

    @Test void mountNamespaceEntryNeedsItsOwnFsFirst() {
        assertThat(advice("setns", List.of("5", "CLONE_NEWNS"), Errno.EINVAL)).contains("unshare(CLONE_FS)");
    }

    @Test void pivotRootNamesItsPreconditions() {
        assertThat(advice("pivot_root", List.of("\".\"", "\".\""), Errno.EINVAL)).contains("MS_REC|MS_PRIVATE");
    }

    @Test void missingSyscallPointsAtDoctor() {
        assertThat(advice("pidfd_open", List.of("1", "0"), Errno.ENOSYS)).contains("pidfd_open(2)").contains("doctor");
    }

    @Test void nothingToAddIsEmpty() {
        assertThat(advice("chdir", List.of("\"/x\""), Errno.ENOENT)).isEmpty();
        assertThat(advice("open", List.of("\"/x\"", "O_RDONLY"), Errno.ELOOP)).isEmpty();
    }
}
