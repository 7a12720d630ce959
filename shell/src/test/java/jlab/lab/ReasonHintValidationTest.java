package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hint:` entries `{ when: <reason>, text }`: read beside the escalating hints, reasons checked against the step's checks. */
class ReasonHintValidationTest {
    @TempDir Path home;

    @Test
    void reasonHintsAreReadApartFromTheEscalatingOnes() throws Exception {
        TempLabs labs = new TempLabs(home);
        Lab lab = labs.loader.load(labs.write("t", """
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    task: Bring lo up.
                    hint:
                      - "A nudge."
                      - when: down
                        text: "lo is there but down."
                      - "The command."
                    solution: [ { exec: [ip, link, set, lo, up] } ]
                    check: [ { link: { name: lo, state: up } }, { file: { path: /etc/x } } ]
                """));

        Step step = lab.steps().getFirst();
        assertThat(step.hints()).containsExactly("A nudge.", "The command.");
        assertThat(step.reasonHints()).containsExactly(new Step.ReasonHint("down", "lo is there but down."));
    }

    @Test
    void aReasonNoCheckOfTheStepStatesIsAnErrorWithADidYouMean() {
        List<LabProblem> problems = new TempLabs(home).problems("t", """
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    task: Bring lo up.
                    hint:
                      - { when: dwon, text: "down" }
                      - { when: no-route, text: "no route" }
                      - { when: down }
                      - [nested]
                    solution: [ { exec: [ip, link, set, lo, up] } ]
                    check: [ { link: { name: lo, state: up } } ]
                  - id: two
                    title: Two
                    hint: [ { when: failed, text: "no checks here" } ]
                """);

        assertThat(problems).extracting(LabProblem::line, LabProblem::column, LabProblem::message, LabProblem::suggestion)
                .containsExactly(
                        tuple(8, 17, "no check of this step fails with the reason 'dwon'", "did you mean 'down'?"),
                        tuple(9, 17, "no check of this step fails with the reason 'no-route'",
                                "its checks fail with missing, exists, down, up, wrong-master, failed, error"),
                        tuple(10, 9, "missing required key 'text' in a hint chosen by a failure reason", null),
                        tuple(11, 9, "a hint is text, or `{ when: <reason>, text: ... }`; found a list", null),
                        tuple(16, 21, "a hint with `when:` needs checks in its step: it is chosen by why one fails", null));
    }
}
