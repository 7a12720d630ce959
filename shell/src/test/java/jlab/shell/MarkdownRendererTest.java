package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private static final String LESSON = """
            # Namespaces

            A **namespace** wraps a global system resource in an abstraction that makes it appear to the
            processes within the namespace that they have their own isolated instance of the resource.
            Try `ls -l /proc/self/ns` to see yours.

            ## Types
            - `mnt`: mount points, so that a container can have a root file system of its own without any effect on the host
            - `uts`: hostname
            1. first numbered item

            ```
            $ unshare --uts --fork /bin/sh -c 'hostname lab && hostname && cat /proc/self/uts_ns_is_not_a_file'

            # a comment inside the block
            ```
            > Quoted words of wisdom that go on long enough to need a second line here.
            """;

    private static List<String> plain(String md, int width) {
        return new MarkdownRenderer(Style.PLAIN, width).lines(md);
    }

    @Test
    void paragraphsWrapAtTheWidthAndKeepEveryWord() {
        List<String> lines = plain(LESSON, 40);
        List<String> paragraph = lines.subList(3, lines.indexOf("Types") - 1);
        assertThat(paragraph).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
        assertThat(String.join(" ", paragraph)).isEqualTo(
                "A namespace wraps a global system resource in an abstraction that makes it appear to the"
                        + " processes within the namespace that they have their own isolated instance of the resource."
                        + " Try `ls -l /proc/self/ns` to see yours.");
        assertThat(paragraph.getFirst()).isEqualTo("A namespace wraps a global system");
    }

    @Test
    void headingsAreUnderlinedInPlainText() {
        List<String> lines = plain(LESSON, 60);
        assertThat(lines.subList(0, 3)).containsExactly("Namespaces", "==========", "");
        assertThat(lines).containsSubsequence("Types", "-----");
    }

    @Test
    void listItemsWrapWithAHangingIndent() {
        List<String> lines = plain(LESSON, 40);
        int first = lines.indexOf("  * `mnt`: mount points, so that a");
        assertThat(first).isPositive();
        assertThat(lines.subList(first + 1, first + 4)).containsExactly(
                "    container can have a root file",
                "    system of its own without any effect",
                "    on the host");
        assertThat(lines.get(first + 4)).isEqualTo("  * `uts`: hostname");
        assertThat(lines.get(first + 5)).isEqualTo("  1. first numbered item");
    }

    @Test
    void codeBlocksAreIndentedAndNeverWrapped() {
        List<String> lines = plain(LESSON, 40);
        assertThat(lines).containsSubsequence(
                "    $ unshare --uts --fork /bin/sh -c 'hostname lab && hostname && cat /proc/self/uts_ns_is_not_a_file'",
                "",
                "    # a comment inside the block");
    }

    @Test
    void quotesGetABar() {
        assertThat(plain("> Quoted words of wisdom that go on long enough to need a second line here.", 40))
                .containsExactly("| Quoted words of wisdom that go on long", "| enough to need a second line here.");
    }

    @Test
    void withoutColourThereIsNoEscapeAndBoldLosesItsStars() {
        String out = new MarkdownRenderer(Style.PLAIN, 50).render(LESSON);
        assertThat(out).doesNotContain("\u001b").doesNotContain("**").contains("A namespace wraps");
    }

    @Test
    void withColourCodeIsColouredAndLinesStillFitTheWidth() {
        Style colour = new Style(true, true);
        List<String> lines = new MarkdownRenderer(colour, 40).lines(LESSON);
        assertThat(lines.getFirst()).isEqualTo("\u001b[1;4mNamespaces\u001b[0m");
        assertThat(String.join("\n", lines))
                .contains("\u001b[1mnamespace\u001b[0m")
                .contains("\u001b[36mls\u001b[0m \u001b[36m-l\u001b[0m \u001b[36m/proc/self/ns\u001b[0m")
                .doesNotContain("`");
        assertThat(lines).filteredOn(l -> !l.startsWith("    "))
                .allSatisfy(l -> assertThat(Style.visibleLength(l)).isLessThanOrEqualTo(40));
    }

    @Test
    void punctuationStaysWithTheCodeSpanItFollows() {
        assertThat(plain("Type `quiz`. Then `next`!", 40)).containsExactly("Type `quiz`. Then `next`!");
        assertThat(new MarkdownRenderer(new Style(true, false), 40).render("`quiz`."))
                .isEqualTo("\u001b[36mquiz\u001b[0m.");
    }

    @Test
    void aWordLongerThanTheLineGetsALineOfItsOwn() {
        assertThat(plain("see /sys/fs/cgroup/memory/jlab/session-1234/memory.limit_in_bytes now", 20))
                .containsExactly("see", "/sys/fs/cgroup/memory/jlab/session-1234/memory.limit_in_bytes", "now");
    }
}
