package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsLikeAShellWithoutExpanding() {
        assertThat(ShellWords.split("  sh -c 'echo $$ >/tmp/x'  ")).containsExactly("sh", "-c", "echo $$ >/tmp/x");
        assertThat(ShellWords.split("echo \"a \\\"b\\\" \\n\" c\\ d ''")).containsExactly("echo", "a \"b\" \\n", "c d", "");
        assertThat(ShellWords.split("ab'c d'\"e\"")).containsExactly("abc de");
        assertThat(ShellWords.split("   ")).isEmpty();
    }

    @Test
    void unterminatedQuotesAreTheLearnersMistake() {
        assertThatThrownBy(() -> ShellWords.split("echo 'oops")).isInstanceOf(ShellException.class)
                .hasMessage("unterminated ' quote");
        assertThatThrownBy(() -> ShellWords.split("echo \"oops")).hasMessage("unterminated \" quote");
    }
}
