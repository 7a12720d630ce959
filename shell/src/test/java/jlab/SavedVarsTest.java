package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jlab.lab.Lab;
import jlab.lab.LabSearchPath;
import jlab.progress.InMemoryProgressStore;
import jlab.progress.LabProgress;

/** A learner who resumes a lab with {@code vars:} is asked for what they were asked before, not a new draw. */
class SavedVarsTest {
    @TempDir Path home;
    @TempDir Path course;

    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");

    @Test
    void aResumedLabKeepsTheVarsItsProgressSavedAndAFreshOneDraws() throws Exception {
        Files.writeString(course.resolve("v.yaml"), """
                id: v
                title: V
                vars:
                  name: { pick: [%s] }
                  other: { hex: 8 }
                steps:
                  - id: one
                    title: "Call it ${vars.name}"
                """.formatted(String.join(", ", NAMES)));
        var store = new InMemoryProgressStore();
        var library = new LabLibrary(home, line -> { }, home.resolve("ledger"), LabSearchPath.of(List.of(course), null, home), store);

        Lab fresh = library.catalog().find("v");
        assertThat(library.withSavedVars(fresh)).as("nothing saved: the draw stands").isSameAs(fresh);

        String mine = NAMES.stream().filter(n -> !n.equals(fresh.vars().get("name"))).findFirst().orElseThrow();
        store.save(new LabProgress(1, "v", "V", 1, 1, 1, 0, "2026-11-23T15:00:00Z", "2026-11-23T15:00:00Z", List.of(),
                Map.of("name", mine, "gone", "x")));
        Lab resumed = library.withSavedVars(fresh);

        assertThat(resumed.vars()).containsEntry("name", mine).doesNotContainKey("gone").containsKey("other");
        assertThat(resumed.steps().getFirst().title()).isEqualTo("Call it " + mine);
    }
}
