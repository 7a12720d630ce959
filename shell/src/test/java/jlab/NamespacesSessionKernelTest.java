package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.shell.ScriptConsole;
import jlab.shell.Shell;

/**
 * A whole learner session of the namespaces lab through the shell's Console seam, on the real kernel:
 * what the learner types, what they see, and nothing left afterwards.
 */
@Tag("kernel")
class NamespacesSessionKernelTest {

    @Test
    void aLearnerWalksTheLabDoesTheTasksAndLeavesNothingBehind() throws Exception {
        assertThat(Privileges.root()).as("kernel tests run as root").isTrue();
        List<String> hostMounts = jlab.HostMounts.lines();
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        Path base = Files.createTempDirectory("jlab-session-test");
        String name = new LabLibrary(JlabHome.find(), line -> { }, base).seeded(3).catalog().find("namespaces")
                .vars().get("hostname");
        var console = new ScriptConsole(List.of(
                "start namespaces", "next", "next", "show pids", "next", "check", "hint", "! hostname " + name,
                "next", "! ps", "next", "! mount -t tmpfs tmpfs /tmp", "next", "solve", "next", "next",
                "show syscalls", "quit"), 120, true);

        new Shell(console, new LabLibrary(JlabHome.find(), console.out()::println, base).seeded(3)).run(List.of());

        String seen = console.transcript();
        assertThat(seen).contains("unshare(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID|CLONE_NEWNET|CLONE_NEWCGROUP) = 0",
                "pid_for_children", "→1", "pivot_root(\".\", \".\") = 0", "task done", "fsopen+fsmount");
        assertThat(seen).containsPattern("1 root +/bin/sh -c trap");   // ps inside: init is PID 1
        assertThat(seen).doesNotContain("Exception", "\tat ");
        assertThat(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip()).isEqualTo(hostname);
        try (var left = Files.list(base)) {
            assertThat(left).as("session directories left behind").isEmpty();
        }
        assertThat(jlab.HostMounts.lines()).isEqualTo(hostMounts);
        Files.delete(base);
    }
}
