package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Less common mistakes, and the promise that no message shows Java or Jackson internals. One mistake with one
 * expected place and message is a file of the broken-labs corpus instead ({@link BrokenLabsTest}).
 */
class LabMistakesTest {
    private static final String HEAD = """
            id: t
            title: T
            steps:
              - id: one
                title: One
            """;

    @TempDir Path home;

    private List<LabProblem> problems(String yaml) {
        return new TempLabs(home).problems("t", yaml);
    }

    static Stream<String> brokenLabs() {
        return Stream.of(
                "",
                "- a\n- b\n",
                "id: t\ntitle: [a, b]\nsteps: x\n",
                "id: t\ntitle: T\nsteps:\n  - one\n",
                HEAD + "    do:\n      - spawn: { argv: [/bin/sh], role: inti }\n",
                HEAD + "    do:\n      - spawn: { argv: /bin/sh }\n",
                HEAD + "    do:\n      - unshare: [mount]\n        exec: [a]\n",
                HEAD + "    do:\n      - chroot\n",
                HEAD + "    do:\n      - sethostname:\n",
                HEAD + "    do:\n      - sethostname: [a, b]\n",
                HEAD + "    do:\n      - unshare: { uts: true }\n",
                HEAD + "    do:\n      - exec: { run: a }\n",
                HEAD + "    do:\n      - unshare: [uts, null]\n",
                HEAD + "    do:\n      - chroot: { x: 1 }\n",
                HEAD + "    check:\n      - command: { run: [a], exit: abc }\n      - namespace: { type: [a] }\n",
                HEAD + "    quiz:\n      - ask: b\n        answer: { number: many }\n      - ask: c\n        answer: [1]\n",
                "id: t\ntitle: T\nrequires: { kernel: 5.10, root: maybe }\nsandbox: { rootfs: alpine }\nsteps: []\n",
                "id: t\ntitle: T\ntitle: U\nsteps:\n  - { id: one, title: One }\n",
                "id: t\ntitle: T\nsteps:\n\t- { id: one, title: One }\n",
                "id: t\ntitle: \"T\nsteps:\n  - { id: one, title: One }\n",
                "id: t\ntitle: T\nsteps: [ { id: one }\n",
                "id: t\ntitle: T\nsteps:\n  - id: one\n    title: One\n   task: x\n",
                HEAD + "    hint: [a, [b]]\n    observe: [{a: b}]\n");
    }

    @ParameterizedTest
    @MethodSource("brokenLabs")
    void messagesNameNoJavaClassesAndEveryProblemHasAPlace(String yaml) {
        List<LabProblem> problems = problems(yaml);

        assertThat(problems).isNotEmpty();
        String rendered = new LabException(problems).render();
        assertThat(rendered).doesNotContainPattern("\\b(java|jlab|com\\.fasterxml|org\\.yaml)\\.")
                .doesNotContain("Exception", "JsonToken", "START_", "VALUE_", "Cannot deserialize", "$");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
            if (!yaml.isEmpty()) assertThat(p.excerpt()).isNotNull();
        });
    }

    @Test
    void twoActionsInOneItemSuggestADash() {
        LabProblem p = problems(HEAD + "    do:\n      - unshare: [mount]\n        exec: [a]\n").getFirst();

        assertThat(p.message()).endsWith("found keys unshare, exec");
        assertThat(p.suggestion()).isEqualTo("each action is its own list item, starting with '- '");
    }

    @Test
    void aBareActionNameSuggestsItsFullForm() {
        assertThat(problems(HEAD + "    do:\n      - chroot\n")).singleElement()
                .extracting(LabProblem::suggestion).isEqualTo("write `chroot: {}`");
    }

    @Test
    void listFormActionsRefuseMappings() {
        assertThat(problems(HEAD + "    do:\n      - unshare: { uts: true }\n      - exec: { run: a }\n"))
                .extracting(LabProblem::line, LabProblem::column, LabProblem::message)
                .containsExactly(
                        tuple(7, 18, "'unshare' should be a list, not a mapping"),
                        tuple(8, 15, "'exec' should be a list, not a mapping"));
    }

    @Test
    void noArgumentActionsMayOmitTheEmptyMapping() {
        assertThat(problems(HEAD + "    do:\n      - unshare: [mount]\n      - chroot:\n      - pivot-root:\n"))
                .isEmpty();
    }

    @Test
    void onlyOneInitAndMountProcNeedsIt() {
        assertThat(problems(HEAD + """
                    do:
                      - unshare: [mount, pid]
                      - make-private: /
                      - mount-proc: {}
                      - spawn: { argv: [a], role: init }
                    solution:
                      - spawn: { argv: [b], role: init }
                """))
                .extracting(LabProblem::line, LabProblem::message)
                .containsExactly(
                        tuple(9, "mount-proc needs the container's init to show its pid namespace"),
                        tuple(12, "a lab has at most one init"));
    }

    @Test
    void pathsMayNotClimbOutOfTheSandbox() {
        assertThat(problems(HEAD + """
                    do:
                      - unshare: [mount]
                      - mount: { type: tmpfs, target: /tmp/../../etc }
                    text: ../../etc/passwd
                    check:
                      - file: { path: /../etc/shadow }
                """))
                .extracting(LabProblem::line, LabProblem::message)
                .containsExactly(
                        tuple(8, "'..' is not allowed in '/tmp/../../etc': paths stay inside the sandbox's root"),
                        tuple(9, "a lesson file is a path inside lesson-content/, like namespaces/01-intro.md"),
                        tuple(11, "'..' is not allowed in '/../etc/shadow': paths stay inside the sandbox's root"));
    }

    @Test
    void questionShapes() {
        assertThat(problems(HEAD + """
                    quiz:
                      - ask: How many?
                        answer: 5
                      - ask: Which?
                        choices: [alpha, beta]
                        answer: [alpha, gamma]
                      - ask: Which file?
                        answer: { pattern: "(", tolerence: 1 }
                      - ask: Live?
                        answer: { live: ns.utss.inode }
                      - ask: Two?
                        answer: { number: 1, pattern: x }
                """))
                .extracting(LabProblem::line, LabProblem::message, LabProblem::suggestion)
                .containsExactly(
                        tuple(8, "without choices, the answer is a mapping with number, pattern or live, not the "
                                + "number 5", "write `answer: { number: 5 }`"),
                        tuple(11, "the answer 'gamma' is not one of the choices", "expected one of: alpha, beta"),
                        tuple(13, "the pattern is not a valid regular expression: Unclosed group near position 1",
                                null),
                        tuple(13, "unknown key 'tolerence' in an answer", "did you mean 'tolerance'?"),
                        tuple(15, "unknown live value 'ns.utss.inode'", "did you mean 'ns.uts.inode'?"),
                        tuple(17, "an answer has exactly one of number, pattern, live, measure; found 2", null));
    }

    @Test
    void predictionMistakes() {
        assertThat(problems(HEAD + """
                    quiz:
                      - ask: No expect, and the cgroup comes later?
                        answer: { measure: cgroup.cpu.nr_throttled, seconds: 2 }
                      - ask: Not a counter?
                        answer: { measure: init.host-pid, expect: 1 }
                      - ask: Too long, with attempts?
                        answer: { measure: container.zombies, seconds: 90, expect: 1 }
                        attempts: 3
                      - ask: Seconds without measure?
                        answer: { number: 1, seconds: 2 }
                      - ask: A typo?
                        answer: { measure: cgroup.cpu.nr_throtled, expect: 20 }
                      - ask: The cgroup comes later?
                        answer: { measure: cgroup.cpu.nr_throttled, expect: 20 }
                  - id: two
                    title: Two
                    do:
                      - cgroup: {}
                quiz:
                  - ask: A prediction at the end?
                    answer: { measure: container.zombies, expect: 1 }
                  - ask: "Yes or no?"
                    choices: [yes, no]
                    answer: "no"
                """))
                .extracting(LabProblem::line, LabProblem::message, LabProblem::suggestion)
                .containsExactly(
                        tuple(8, "a measure answer needs `expect:`, the value a learner who reasons right predicts "
                                + "(lint proves the kernel measures it within the tolerance)", null),
                        tuple(10, "'init.host-pid' is not a value that changes while a step runs; measure a cgroup "
                                + "value (cgroup.cpu.nr_throttled, ...) or container.zombies", null),
                        tuple(12, "seconds is from 0 to 30: the learner waits that long", null),
                        tuple(13, "a prediction is graded once, against what the kernel measures: it takes no attempts", null),
                        tuple(15, "'seconds' belongs to a measure answer (a prediction)", null),
                        tuple(17, "unknown live value 'cgroup.cpu.nr_throtled'", "did you mean 'cgroup.cpu.nr_throttled'?"),
                        tuple(19, "measuring cgroup.cpu.nr_throttled needs the lab's cgroup by the end of this step's "
                                + "actions", "put `cgroup: {}` before it"),
                        tuple(26, "a prediction belongs to a step: it measures what the step's actions do, and the "
                                + "end-of-lab quiz runs none", "move it into the `quiz:` of the step whose actions it measures"),
                        tuple(28, "YAML reads the unquoted yes as true", "quote it: \"yes\""),
                        tuple(28, "YAML reads the unquoted no as false", "quote it: \"no\""),
                        tuple(29, "the answer 'no' is not one of the choices", "expected one of: false, true"));
    }

    @Test
    void orderingShapes() {
        assertThat(problems(HEAD + """
                    quiz:
                      - ask: Order?
                        choices: [fork, exec, exit, wait]
                        answer: { order: [fork, exec, exit, wiat] }
                      - ask: Twice?
                        choices: [a, b, c]
                        answer: { order: [a, b, b] }
                      - ask: No choices?
                        answer: { order: [a, b] }
                      - ask: Mixed?
                        choices: [a, b]
                        answer: { order: [b, a], number: 1 }
                      - ask: Not a list?
                        choices: [a, b]
                        answer: { order: a }
                """))
                .extracting(LabProblem::line, LabProblem::message, LabProblem::suggestion)
                .containsExactly(
                        tuple(9, "the choice 'wait' is missing from the order: every choice appears in it exactly "
                                + "once", null),
                        tuple(9, "'wiat' in the order is not one of the choices", "did you mean 'wait'?"),
                        tuple(12, "the choice 'c' is missing from the order: every choice appears in it exactly once",
                                null),
                        tuple(12, "'b' is in the order twice", null),
                        tuple(14, "an order answer puts choices in order: add `choices:` with the items to order",
                                null),
                        tuple(17, "an order answer has only the key order, not 'number'", null),
                        tuple(20, "'order' should be a list, not the text 'a'", "write order: [a]"));
    }

    @Test
    void checkRules() {
        assertThat(problems(HEAD + """
                    task: Do it.
                    solution: [ { sethostname: lab } ]
                    check:
                      - hostname: { in: container }
                      - command: { run: [ip, link], exit: 300, output: "[" }
                      - file: { path: /etc/motd, exists: false, contains: x }
                """))
                .extracting(LabProblem::line, LabProblem::message)
                .containsExactly(
                        tuple(9, "a hostname check has either `is: <name>` or `unchanged: true`"),
                        tuple(10, "an exit status is 0 to 255"),
                        tuple(10, "not a valid regular expression: Unclosed character class near position 0"),
                        tuple(11, "a file that must not exist cannot contain anything"));
    }

    @Test
    void wrongTypedKeysAreAllReportedAndTheRestStillChecked() {
        assertThat(problems("""
                id: t
                title: [a, b]
                summary: { a: b }
                steps:
                  - id: one
                    title: One
                    observe: [pidz]
                """))
                .extracting(LabProblem::line, LabProblem::message)
                .containsExactly(
                        tuple(2, "'title' should be text, not a list"),
                        tuple(3, "'summary' should be text, not a mapping"),
                        tuple(7, "unknown inspector 'pidz'"));
    }
}
