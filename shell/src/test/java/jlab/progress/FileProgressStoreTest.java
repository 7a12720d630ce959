package jlab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jlab.progress.LabProgress.QuizAnswer;
import jlab.progress.LabProgress.StepProgress;

/** The progress files: round trip, atomic replacement, crash leftovers, corrupt files set aside, ownership. */
class FileProgressStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T16:00:00Z"), ZoneOffset.UTC);

    @TempDir Path state;
    private final List<String> notices = new ArrayList<>();

    private FileProgressStore store() {
        return new FileProgressStore(new StateLocation(state.resolve("jlab"), "alice", Optional.empty()), notices::add, CLOCK);
    }

    static LabProgress sample(String lab, int step) {
        return new LabProgress(1, lab, "A lab", 3, step, 3, 754, "2026-11-23T15:00:00Z", "2026-11-23T15:12:34Z", List.of(
                new StepProgress("intro", "Welcome", null, false, 0, List.of(new QuizAnswer("Why?", "because", true, 1))),
                new StepProgress("hostname", "Hostname", "Set the hostname.", true, 2,
                        List.of(new QuizAnswer("Which flag?", "CLONE_NEWNS", false, 2), new QuizAnswer("And?", null, false, 0))),
                new StepProgress("net", "Net", "Bring lo up.", false, 1, List.of(new QuizAnswer("How many throttled periods?",
                        "18", true, 1, 1, "20 periods (right within ± 4)")))), java.util.Map.of("hostname", "lab-red"),
                List.of(new QuizAnswer("Is a container a VM?", "no", true, 1)));
    }

    @Test
    void progressRoundTripsThroughItsFile() throws IOException {
        var store = store();
        assertThat(store.load("demo")).isEmpty();
        store.save(sample("demo", 2));
        assertThat(store.load("demo")).contains(sample("demo", 2));
        String json = Files.readString(state.resolve("jlab/demo.json"));
        assertThat(json).contains("\"version\" : 1", "\"lab\" : \"demo\"", "\"answer\" : null");
        store.save(sample("demo", 3));
        assertThat(store.load("demo").orElseThrow().step()).isEqualTo(3);
        store.save(sample("another", 1));
        assertThat(store.all()).extracting(LabProgress::lab).containsExactly("another", "demo");
        store.clear("demo");
        assertThat(store.all()).extracting(LabProgress::lab).containsExactly("another");
        assertThat(notices).isEmpty();
        try (var files = Files.list(state.resolve("jlab"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file stays behind").containsExactly("another.json");
        }
    }

    @Test
    void aTempFileLeftByACrashMidWriteDoesNotBreakLoading() throws IOException {
        var store = store();
        store.save(sample("demo", 2));
        // what a crash between write and rename leaves: a half-written temp file beside the real one
        Files.writeString(state.resolve("jlab/.demo.json.8817263.tmp"), "{\"version\": 1, \"lab\": \"de");
        Files.writeString(state.resolve("jlab/.fresh.json.1.tmp"), "{\"vers");
        assertThat(store.load("demo")).contains(sample("demo", 2));
        assertThat(store.load("fresh")).isEmpty();
        assertThat(store.all()).extracting(LabProgress::lab).containsExactly("demo");
        assertThat(notices).isEmpty();
    }

    @Test
    void aCorruptFileIsSetAsideWithOneSentenceAndTheLabStartsAfresh() throws IOException {
        Path file = state.resolve("jlab/demo.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"version\": 1, \"lab\": \"demo\", \"step\": ");
        var store = store();
        assertThat(store.load("demo")).isEmpty();
        assertThat(file).doesNotExist();
        Path aside = state.resolve("jlab/demo.json.corrupt-20261123T160000Z");
        assertThat(aside).hasContent("{\"version\": 1, \"lab\": \"demo\", \"step\": ");
        assertThat(notices).singleElement().asString()
                .contains(file.toString(), "set aside as demo.json.corrupt-20261123T160000Z", "starts afresh")
                .doesNotContain("\n").doesNotContain("Exception");
        store.save(sample("demo", 1));
        assertThat(store.all()).extracting(LabProgress::lab).containsExactly("demo");
    }

    @Test
    void anotherVersionOrAnotherLabsFileIsNotTakenForThisOne() throws IOException {
        var store = store();
        store.save(sample("demo", 2));
        Path file = state.resolve("jlab/demo.json");
        Files.writeString(file, Files.readString(file).replace("\"version\" : 1", "\"version\" : 2"));
        assertThat(store.load("demo")).isEmpty();
        assertThat(notices).singleElement().asString().contains("version 2, this jlab reads version 1");

        store.save(sample("demo", 2));
        Files.move(file, state.resolve("jlab/other.json"));
        assertThat(store.load("other")).isEmpty();
        assertThat(notices).last().asString().contains("belongs to lab 'demo', not 'other'");
    }

    @Test
    void aStepOutsideTheLabIsCorrupt() throws IOException {
        var store = store();
        Files.createDirectories(state.resolve("jlab"));
        Files.write(state.resolve("jlab/demo.json"), new String(ProgressCodec.encode(sample("demo", 2)), StandardCharsets.UTF_8)
                .replace("\"step\" : 2", "\"step\" : 7").getBytes(StandardCharsets.UTF_8));
        assertThat(store.load("demo")).isEmpty();
        assertThat(notices).singleElement().asString().contains("step 7 is outside 1-3");
    }

    @Test
    void aSaveThatCannotBeWrittenIsReportedOnceAndNeverThrown() throws IOException {
        Files.writeString(state.resolve("jlab"), "a file where the directory should be");
        var store = store();
        store.save(sample("demo", 1));
        store.save(sample("demo", 2));
        assertThat(notices).singleElement().asString().contains("could not be saved", "a file is in the way", "the lab goes on");
    }

    @Test
    void labIdsThatAreNotFileNamesAreRefused() {
        var store = store();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.load("../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void underSudoTheFilesAndTheDirectoriesCreatedBelongToTheLearner() throws IOException {
        // jlab's tests run as root (kernel tests need it), so chown to another uid works here
        var owner = new StateLocation.Owner(4242, 4343);
        var store = new FileProgressStore(new StateLocation(state.resolve("home/.local/state/jlab"), "bob", Optional.of(owner)),
                notices::add, CLOCK);
        store.save(sample("demo", 1));
        assertThat(notices).isEmpty();
        for (Path p : List.of(state.resolve("home/.local"), state.resolve("home/.local/state"),
                state.resolve("home/.local/state/jlab"), state.resolve("home/.local/state/jlab/demo.json"))) {
            assertThat(Files.getAttribute(p, "unix:uid")).as(p.toString()).isEqualTo(4242);
            assertThat(Files.getAttribute(p, "unix:gid")).as(p.toString()).isEqualTo(4343);
        }
        assertThat(Files.getAttribute(state, "unix:uid")).as("an existing directory keeps its owner").isEqualTo(0);
        assertThat(store.learner()).isEqualTo("bob");
    }
}
