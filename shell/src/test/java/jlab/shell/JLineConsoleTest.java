package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JLine console on a virtual xterm: what the keys do, without a real tty. */
@Timeout(20)
class JLineConsoleTest {

    @TempDir Path home;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private LineDisciplineTerminal terminal;

    @BeforeEach
    void openTerminal() throws IOException {
        // the line discipline runs in Java: ^C typed at it raises INT, as a tty driver would
        terminal = new LineDisciplineTerminal("test", "xterm-256color", screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(90, 24));
    }

    @AfterEach
    void closeTerminal() throws IOException {
        terminal.close();
    }

    private JLineConsole console(Map<String, String> env) {
        return JLineConsole.on(terminal, home.resolve(".jlab_history"), env);
    }

    private void type(String s) throws IOException {
        terminal.processInputBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsLinesAndKeepsHistoryWithoutExpandingBang() throws IOException {
        JLineConsole c = console(Map.of());
        type("! hostname lab\r!echo hi\r");
        assertThat(c.readLine("jlab > ")).isEqualTo("! hostname lab");
        assertThat(c.readLine("jlab > ")).isEqualTo("!echo hi");
        c.close();
        assertThat(Files.readString(home.resolve(".jlab_history"))).contains("! hostname lab", "!echo hi");
    }

    /**
     * Types each piece once the text before it is on the screen. The line discipline raises INT the moment
     * it sees ^C, so ^C typed together with text can interrupt the reader before it has read that text,
     * which would then stay in the pipe and end up in front of the next line.
     */
    private void typeOnceShown(String... shownThenTyped) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                for (int i = 0; i < shownThenTyped.length; i += 2) {
                    while (!screen.toString(StandardCharsets.UTF_8).contains(shownThenTyped[i])) Thread.sleep(10);
                    type(shownThenTyped[i + 1]);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void ctrlCAtThePromptIsInterruptedAndCtrlDIsTheEnd() throws IOException {
        JLineConsole c = console(Map.of());
        typeOnceShown("first > ", "half typed", "half typed", "\u0003");
        assertThatThrownBy(() -> c.readLine("first > ")).isInstanceOf(Console.Interrupted.class);
        type("\u0004");
        assertThat(c.readLine("jlab > ")).isNull();
    }

    @Test
    void ctrlCWhileACommandRunsGoesToTheHandlerThenNowhere() {
        JLineConsole c = console(Map.of());
        AtomicInteger interrupts = new AtomicInteger();
        try (Console.InterruptScope scope = c.onInterrupt(interrupts::incrementAndGet)) {
            terminal.raise(Terminal.Signal.INT);
            assertThat(interrupts).hasValue(1);
        }
        terminal.raise(Terminal.Signal.INT);
        assertThat(interrupts).as("no handler once the command ended, and no harm").hasValue(1);
    }

    @Test
    void aNoticeWhileTheLearnerTypesGoesAboveThePromptWhichIsDrawnAgainWithTheHalfTypedLine() throws Exception {
        JLineConsole c = console(Map.of());
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> line.complete(c.readLine("jlab > ")));
        typeOnceShown("jlab > ", "check --ver");
        while (!screen.toString(StandardCharsets.UTF_8).contains("--ver")) Thread.sleep(10);

        c.printAbove("↻ w.yaml: changed step 'name' (applies at your next command)");
        type("bose\r");

        assertThat(line.get(10, TimeUnit.SECONDS)).isEqualTo("check --verbose");
        ScreenTerminal shown = new ScreenTerminal(90, 24);
        shown.write(screen.toString(StandardCharsets.UTF_8));
        assertThat(shown.toString().lines().map(String::stripTrailing).limit(3)).containsExactly(
                "↻ w.yaml: changed step 'name' (applies at your next command)",
                "jlab > check --verbose",
                "");
    }

    @Test
    void aNoticeOutsideThePromptIsALineOfItsOwn() {
        JLineConsole c = console(Map.of());
        c.printAbove("↻ lab reloaded; you are on step 3 of 4");
        c.printAbove("two\nlines\n");

        ScreenTerminal shown = new ScreenTerminal(90, 24);
        shown.write(screen.toString(StandardCharsets.UTF_8));
        assertThat(shown.toString().lines().map(String::stripTrailing).limit(4))
                .containsExactly("↻ lab reloaded; you are on step 3 of 4", "two", "lines", "");
    }

    @Test
    void tabCompletesFromTheShell() throws IOException {
        JLineConsole c = console(Map.of());
        c.completeWith(words -> words.size() == 1 ? List.of("start", "step", "show") : List.of("demo"));
        type("sta\td\t\r");
        assertThat(c.readLine("jlab > ")).isEqualTo("start demo ");
    }

    @Test
    void coloursFollowTheTerminalAndNoColor() {
        assertThat(console(Map.of()).color()).isTrue();
        assertThat(console(Map.of("NO_COLOR", "1")).color()).isFalse();
        assertThat(console(Map.of()).unicode()).isTrue();
        assertThat(console(Map.of()).width()).isEqualTo(90);
    }

    @Test
    void longLinesBreakAtTheWidthOfATerminalThatKnowsItAndNowhereElse() throws IOException {
        assertThat(console(Map.of()).wrapWidth()).isEqualTo(90);
        terminal.setSize(new Size(110, 24));
        assertThat(console(Map.of()).wrapWidth()).as("after a resize").isEqualTo(110);
        terminal.setSize(new Size(0, 0));
        assertThat(console(Map.of()).wrapWidth()).as("width unknown").isZero();
        assertThat(console(Map.of()).width()).as("what tables still assume").isEqualTo(80);
        try (var dumb = new LineDisciplineTerminal("test", "dumb", new ByteArrayOutputStream(), StandardCharsets.UTF_8)) {
            dumb.setSize(new Size(110, 24));
            assertThat(JLineConsole.on(dumb, home.resolve(".jlab_history"), Map.of()).wrapWidth()).isZero();
        }
    }
}
