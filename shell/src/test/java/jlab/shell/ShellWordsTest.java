package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.lab.ShellQuoting;

class ShellWordsTest {

    @Test
    void splitsLikeAShellWithoutExpanding() {
        assertThat(ShellWords.split("  sh -c 'echo $$ >/tmp/x'  ")).containsExactly("sh", "-c", "echo $$ >/tmp/x");
        assertThat(ShellWords.split("echo \"a \\\"b\\\" \\n\" c\\ d ''")).containsExactly("echo", "a \"b\" \\n", "c d", "");
        assertThat(ShellWords.split("ab'c d'\"e\"")).containsExactly("abc de");
        assertThat(ShellWords.split("   ")).isEmpty();
    }

    /** jlab echoes a lab's argv with {@link ShellQuoting}: typed back at a shell, it is the same argv. */
    @Test
    void argvQuotedForEchoSplitsBackToTheSameArgv() {
        assertThat(ShellQuoting.join(List.of("sh", "-c", "sleep 0.05 & sleep 0.05 & exec sleep 0.5")))
                .isEqualTo("sh -c 'sleep 0.05 & sleep 0.05 & exec sleep 0.5'");
        assertThat(ShellQuoting.join(List.of("/bin/sh", "-c", "trap '' TERM INT; while :; do sleep 1000; done")))
                .isEqualTo("/bin/sh -c \"trap '' TERM INT; while :; do sleep 1000; done\"");
        assertThat(ShellQuoting.join(List.of("ip", "-o", "link", "set", "lo", "up", "mtu=1500,x:y", "10.0.0.1/24", "a@b%c+d")))
                .as("nothing special, nothing quoted").isEqualTo("ip -o link set lo up mtu=1500,x:y 10.0.0.1/24 a@b%c+d");
        List<List<String>> argvs = List.of(
                List.of("sh", "-c", "sleep 0.05 & sleep 0.05 & exec sleep 0.5"),
                List.of("/bin/sh", "-c", "trap '' TERM INT; while :; do sleep 1000; done"),
                List.of("sh", "-c", "echo 'it''s' \"$HOME\" `id` \\ !x"),
                List.of("echo", "", "~", "#no", "*.txt", "[ab]", "{a,b}", "tab\there", "ünï"),
                List.of("kill", "-STOP", "$(cat /run/busy.pid)"));
        for (List<String> argv : argvs) {
            assertThat(ShellWords.split(ShellQuoting.join(argv))).as(ShellQuoting.join(argv)).isEqualTo(argv);
        }
        assertThat(ShellQuoting.quote("~")).isEqualTo("'~'");
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
    }

    @Test
    void unterminatedQuotesAreTheLearnersMistake() {
        assertThatThrownBy(() -> ShellWords.split("echo 'oops")).isInstanceOf(ShellException.class)
                .hasMessage("unterminated ' quote");
        assertThatThrownBy(() -> ShellWords.split("echo \"oops")).hasMessage("unterminated \" quote");
    }
}
