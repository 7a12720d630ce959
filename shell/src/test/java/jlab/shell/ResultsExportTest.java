package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jlab.progress.InMemoryProgressStore;
import jlab.progress.LabProgress;
import jlab.progress.LabProgress.QuizAnswer;
import jlab.progress.LabProgress.StepProgress;

/** {@code results} options and files, and the {@code progress} table's figures. */
class ResultsExportTest {
    private static final Instant NOW = Instant.parse("2026-11-23T17:00:00Z");
    @TempDir Path dir;

    private static InMemoryProgressStore store() {
        var store = new InMemoryProgressStore();
        store.save(new LabProgress(1, "demo", "Demo", 3, 2, 3, 3725, "2026-11-23T15:00:00Z", "2026-11-23T16:02:00Z", List.of(
                new StepProgress("a", "A", "Do it.", true, 1, List.of(new QuizAnswer("Q?", "x", true, 1), new QuizAnswer("R?", null, false, 0))),
                new StepProgress("b", "B", "Do more.", false, 0, List.of()),
                new StepProgress("c", "C", null, false, 0, List.of()))));
        return store;
    }

    @Test
    void jsonIsTheDefaultAndJunitIsAskedFor() {
        List<String> out = new ArrayList<>();
        ResultsExport.run(List.of(), store(), NOW, out::add);
        assertThat(out).singleElement().asString().startsWith("{").contains("\"format\" : \"jlab-results\"");
        out.clear();
        ResultsExport.run(List.of("--junit"), store(), NOW, out::add);
        assertThat(out).singleElement().asString().startsWith("<?xml").contains("<testsuite ");
    }

    @Test
    void outWritesTheFileAndSaysWhere() throws IOException {
        List<String> out = new ArrayList<>();
        Path file = dir.resolve("class/alice.xml");
        ResultsExport.run(List.of("--junit", "--out", file.toString()), store(), NOW, out::add);
        assertThat(out).containsExactly("results of 1 lab written to " + file + " (JUnit XML)");
        assertThat(Files.readString(file)).contains("name=\"demo\"", "failures=\"2\"");
    }

    @Test
    void mistakesAreOneSentence() throws IOException {
        assertThatThrownBy(() -> ResultsExport.run(List.of("--xml"), store(), NOW, s -> { }))
                .hasMessage("unknown option '--xml' - usage: results [--json|--junit] [--out FILE]");
        assertThatThrownBy(() -> ResultsExport.run(List.of("--json", "--junit"), store(), NOW, s -> { }))
                .hasMessage("choose one of --json and --junit");
        assertThatThrownBy(() -> ResultsExport.run(List.of("--out"), store(), NOW, s -> { }))
                .hasMessageContaining("--out needs a file name");
        Files.writeString(dir.resolve("afile"), "");
        assertThatThrownBy(() -> ResultsExport.run(List.of("--out", dir.resolve("afile/r.json").toString()), store(), NOW, s -> { }))
                .isInstanceOf(ShellException.class)
                .hasMessage("could not write " + dir.resolve("afile/r.json") + " (" + dir.resolve("afile") + ": a file is in the way)"
                        + " - choose a writable place with --out");
    }

    @Test
    void theProgressTableShowsStepTasksQuizTimeAndLastSeen() {
        List<String> lines = ProgressTable.render(store().all(), Style.PLAIN, ZoneOffset.UTC);
        assertThat(String.join("\n", lines)).contains(
                "| lab  | step            | tasks done | quiz | time spent | last seen        |",
                "| demo | 2/3 (reached 3) | 1/2        | 1/2  | 1h 02m     | 2026-11-23 16:02 |");
        assertThat(ProgressTable.render(List.of(), Style.PLAIN, ZoneOffset.UTC)).singleElement().asString().startsWith("no progress saved yet");
        assertThat(ProgressTable.duration(45)).isEqualTo("45s");
        assertThat(ProgressTable.duration(725)).isEqualTo("12m 05s");
    }
}
