package jlab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Whose state directory jlab writes to, from the environment and a literal passwd file. */
class StateLocationTest {
    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            # a comment line with colons: a:b:c:d:e:f
            broken:x:notanumber:1000::/home/broken:/bin/sh
            alice:x:1000:1000:Alice Liddell,,,:/home/alice:/bin/bash
            bob:x:1001:1002::/srv/bob:/bin/zsh
            """;

    private static String passwdMustNotBeRead() {
        throw new AssertionError("passwd is read only under sudo");
    }

    @Test
    void passwdEntriesAreFoundByNameAndBrokenLinesSkipped() {
        assertThat(Passwd.find(PASSWD, "alice")).contains(new Passwd.Entry("alice", 1000, 1000, "/home/alice", "/bin/bash"));
        assertThat(Passwd.find(PASSWD, "bob").map(Passwd.Entry::home)).contains("/srv/bob");
        assertThat(Passwd.find(PASSWD, "broken")).isEmpty();
        assertThat(Passwd.find(PASSWD, "carol")).isEmpty();
        assertThat(Passwd.find(PASSWD, "ali")).as("whole names only").isEmpty();
    }

    @Test
    void withoutSudoItIsTheHomeOfWhoeverRunsJlab() {
        var loc = StateLocation.resolve(Map.of("HOME", "/home/dave"), "/nonexistent", "dave", StateLocationTest::passwdMustNotBeRead);
        assertThat(loc).isEqualTo(new StateLocation(Path.of("/home/dave/.local/state/jlab"), "dave", Optional.empty()));
    }

    @Test
    void xdgStateHomeWinsWhenAbsoluteAndIsIgnoredWhenRelative() {
        assertThat(StateLocation.resolve(Map.of("HOME", "/root", "XDG_STATE_HOME", "/tmp/st"), "/root", "root",
                StateLocationTest::passwdMustNotBeRead).dir()).isEqualTo(Path.of("/tmp/st/jlab"));
        assertThat(StateLocation.resolve(Map.of("HOME", "/root", "XDG_STATE_HOME", "st"), "/root", "root",
                StateLocationTest::passwdMustNotBeRead).dir()).isEqualTo(Path.of("/root/.local/state/jlab"));
    }

    @Test
    void underSudoItIsTheSudoUsersHomeAndFilesAreGivenToThem() {
        var env = Map.of("HOME", "/root", "SUDO_USER", "bob", "SUDO_UID", "1001", "SUDO_GID", "1002", "USER", "root");
        var loc = StateLocation.resolve(env, "/root", "root", () -> PASSWD);
        assertThat(loc.dir()).isEqualTo(Path.of("/srv/bob/.local/state/jlab"));
        assertThat(loc.learner()).isEqualTo("bob");
        assertThat(loc.owner()).contains(new StateLocation.Owner(1001, 1002));
    }

    @Test
    void underSudoWithoutUidVariablesThePasswdIdsAreUsed() {
        var loc = StateLocation.resolve(Map.of("SUDO_USER", "alice"), "/root", "root", () -> PASSWD);
        assertThat(loc.owner()).contains(new StateLocation.Owner(1000, 1000));
        assertThat(loc.dir()).isEqualTo(Path.of("/home/alice/.local/state/jlab"));
    }

    @Test
    void sudoByRootOrByAnUnknownUserFallsBackToTheCurrentUser() {
        assertThat(StateLocation.resolve(Map.of("SUDO_USER", "root", "HOME", "/root"), "/root", "root", () -> PASSWD))
                .isEqualTo(new StateLocation(Path.of("/root/.local/state/jlab"), "root", Optional.empty()));
        assertThat(StateLocation.resolve(Map.of("SUDO_USER", "carol", "HOME", "/root"), "/root", "root", () -> PASSWD).owner())
                .isEmpty();
    }
}
