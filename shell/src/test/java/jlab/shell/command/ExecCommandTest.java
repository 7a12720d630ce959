package jlab.shell.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.shell.ShellWords;

/** `!` runs a program without a shell: what a shell would have taken as syntax is caught before it runs. */
class ExecCommandTest {
    private static java.util.Optional<String> syntax(String line) {
        return ExecCommand.shellSyntax(ShellWords.split(line));
    }

    @Test
    void redirectionsPipesListsAndSubstitutionsAreCaught() {
        assertThat(syntax("echo more >> /merged/hello.txt")).hasValue(">>");
        assertThat(syntax("echo x >/tmp/f")).hasValue(">/tmp/f");
        assertThat(syntax("ls 2>&1")).hasValue("2>&1");
        assertThat(syntax("ps | grep sleep")).hasValue("|");
        assertThat(syntax("true && false")).hasValue("&&");
        assertThat(syntax("sleep 5 &")).hasValue("&");
        assertThat(syntax("kill -STOP $(cat /run/busy.pid)")).hasValue("$(cat");
        assertThat(syntax("echo $HOME")).hasValue("$HOME");
    }

    @Test
    void aPlaceholderCopiedFromAHintIsCaughtFirst() {
        assertThat(ExecCommand.placeholder(ShellWords.split("ip addr add <subnet>.2/24 dev eth0"))).hasValue("<subnet>");
        assertThat(ExecCommand.placeholder(ShellWords.split("ip addr add 10.1.2.2/24 dev eth0"))).isEmpty();
    }

    @Test
    void plainCommandsAndShellScriptsRun() {
        assertThat(syntax("hostname lab")).isEmpty();
        assertThat(syntax("sh -c 'echo more >> /merged/hello.txt'")).isEmpty();
        assertThat(syntax("sh -c 'kill -STOP $(cat /run/busy.pid); echo $HOME'")).isEmpty();
        assertThat(syntax("ip addr add 10.1.2.2/24 dev eth0")).isEmpty();
        assertThat(syntax("kill -STOP 4")).isEmpty();
        assertThat(ExecCommand.shellSyntax(List.of(">"))).as("the program's own name is no operator").isEmpty();
    }
}
