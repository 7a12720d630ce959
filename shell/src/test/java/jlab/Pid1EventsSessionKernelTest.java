package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.shell.ScriptConsole;
import jlab.shell.Shell;

/** {@code show events} in a learner's session of the pid1 lab, on the real kernel: the orphans step and a command. */
@Tag("kernel")
class Pid1EventsSessionKernelTest {

    @Test
    void theOrphansStepShowsThreeExitsThatNobodyWaitedFor() throws Exception {
        assertThat(Privileges.root()).as("kernel tests run as root").isTrue();
        Path base = Files.createTempDirectory("jlab-events-session-test");
        var console = new ScriptConsole(List.of(
                "start pid1", "show events", "solve", "next", "3", "show events",
                "! sh -c 'sleep 0.05 & sleep 0.05 & sleep 0.05 & exec sleep 0.3'", "show events", "quit"), 160, true);

        new Shell(console, new LabLibrary(JlabHome.find(), console.out()::println, base)).run(List.of());

        String seen = console.transcript();
        String orphans = "jlab started sh\\. sh forked 3 children; 3 exited; nobody waited \\(3 zombies left\\)";
        assertThat(seen).as("the init and the busy loop, by their programs (not jlab's gate, a sh too)")
                .containsPattern("step 1 actions: jlab started sleep, (mount, )?sh(\\.|\\R)");
        assertThat(seen).as("the orphans step's prediction").containsPattern("you predicted 3 \\S the kernel measured 3 zombies");
        assertThat(seen).containsPattern("step 2 actions: " + orphans);
        assertThat(seen).containsPattern("! sh -c 'sleep 0\\.05 & sleep 0\\.05 & sleep 0\\.05 & exec sleep 0\\.3': " + orphans);
        assertThat(seen).containsPattern("exit +\\d+ sleep +sleep +exit 0, zombie: not waited for");
        assertThat(seen).doesNotContain("Exception", "\tat ", "refused");
        try (var left = Files.list(base)) {
            assertThat(left).as("session directories left behind").isEmpty();
        }
        Files.delete(base);
    }
}
