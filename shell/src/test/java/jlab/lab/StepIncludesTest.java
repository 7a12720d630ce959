package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `- include: fragments/x.yaml` in a lab's steps: spliced in order, kept inside the lab's directory, placed. */
class StepIncludesTest {
    @TempDir Path home;
    private TempLabs labs;

    @BeforeEach
    void fragments() throws Exception {
        labs = new TempLabs(home);
        Files.createDirectories(labs.labs.resolve("fragments"));
        Files.writeString(labs.labs.resolve("fragments/setup.yaml"), """
                # shared by several labs
                - id: unshare
                  title: New namespaces
                  do:
                    - unshare: [mount, uts]
                    - make-private: /
                - id: name
                  title: A name
                  do: [ { sethostname: "${vars.name}" } ]
                """);
    }

    private void fragment(String name, String yaml) throws Exception {
        Files.writeString(labs.labs.resolve("fragments").resolve(name), yaml);
    }

    @Test
    void theFragmentsStepsTakeThePlaceOfTheIncludeAndSeeTheLabsVars() throws Exception {
        Lab lab = labs.loader.withSeed(1).load(labs.write("t", """
                id: t
                title: T
                vars: { name: { pick: [red] } }
                steps:
                  - { id: intro, title: Intro }
                  - include: fragments/setup.yaml
                  - { id: done, title: Done }
                """));

        assertThat(lab.steps()).extracting(Step::id).containsExactly("intro", "unshare", "name", "done");
        assertThat(lab.step("name").orElseThrow().actions()).containsExactly(new Action.SetHostname("red"));
    }

    @Test
    void aMistakeInsideAFragmentIsPlacedInTheFragment() throws Exception {
        fragment("bad.yaml", "- id: one\n  title: One\n  do:\n    - unshar: [uts]\n");

        List<LabProblem> problems = labs.problems("t", "id: t\ntitle: T\nsteps:\n  - include: fragments/bad.yaml\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(labs.labs.resolve("fragments/bad.yaml").toAbsolutePath());
            assertThat(p.headline()).endsWith("bad.yaml:4:7: unknown action 'unshar' (did you mean 'unshare'?)");
            assertThat(p.excerpt()).isEqualTo("    - unshar: [uts]");
        });
    }

    @Test
    void aStepAfterAnIncludeKeepsItsOwnLine() throws Exception {
        List<LabProblem> problems = labs.problems("t", """
                id: t
                title: T
                vars: { name: { hex: 4 } }
                steps:
                  - include: fragments/setup.yaml
                  - id: after
                    title: After
                    observe: [pidz]
                """);

        assertThat(problems).extracting(LabProblem::line, LabProblem::column, LabProblem::message)
                .contains(org.assertj.core.groups.Tuple.tuple(8, 15, "unknown inspector 'pidz'"));
        assertThat(problems).allSatisfy(p -> assertThat(p.file().getFileName().toString()).isEqualTo("t.yaml"));
    }

    @Test
    void pathsThatLeaveTheLabsDirectoryAreRefused() throws Exception {
        Path outside = Files.writeString(home.resolve("outside.yaml"), "- { id: x, title: X }\n");
        Files.createSymbolicLink(labs.labs.resolve("fragments/link.yaml"), outside);

        List<LabProblem> problems = labs.problems("t", """
                id: t
                title: T
                steps:
                  - include: ../outside.yaml
                  - include: /etc/passwd
                  - include: fragments/link.yaml
                  - include: fragments/setpu.yaml
                  - include: [a]
                  - { include: fragments/setup.yaml, id: x }
                """);

        assertThat(problems).extracting(LabProblem::line, LabProblem::column, LabProblem::message, LabProblem::suggestion)
                .containsExactly(
                        tuple(4, 14, "an include is a path inside the lab's directory, like fragments/setup.yaml; '..' would leave it",
                                "keep shared fragments below " + labs.labs.toAbsolutePath()),
                        tuple(5, 14, "an include is a path inside the lab's directory, like fragments/setup.yaml; '/etc/passwd' is absolute",
                                "write it relative to " + labs.labs.toAbsolutePath()),
                        tuple(6, 14, "fragment 'fragments/link.yaml' is a symlink that leads outside the lab's directory ("
                                + outside.toRealPath() + ")", "copy the fragment into " + labs.labs.toAbsolutePath()),
                        tuple(7, 14, "fragment 'fragments/setpu.yaml' not found in " + labs.labs.toAbsolutePath(),
                                "did you mean 'fragments/setup.yaml'?"),
                        tuple(8, 14, "an include is a path inside the lab's directory, like fragments/setup.yaml, not a list", null),
                        tuple(9, 5, "an include stands alone in its list item, without other keys",
                                "write `- include: fragments/setup.yaml` as its own item"));
    }

    @Test
    void aFragmentIsAListAndIncludesNoOther() throws Exception {
        fragment("map.yaml", "id: x\ntitle: X\n");
        fragment("nested.yaml", "- { id: a, title: A }\n- include: fragments/setup.yaml\n");

        List<LabProblem> problems = labs.problems("t", """
                id: t
                title: T
                steps:
                  - include: fragments/map.yaml
                  - include: fragments/nested.yaml
                """);

        assertThat(problems).extracting(p -> p.file().getFileName() + ":" + p.line() + ":" + p.column() + ": " + p.message())
                .containsExactlyInAnyOrder(
                        "map.yaml:1:1: a fragment is a list of steps (each starting with '- id:'), not a mapping",
                        "nested.yaml:2:3: a fragment cannot include another fragment");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
