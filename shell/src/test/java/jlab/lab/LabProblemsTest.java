package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of mistake gives its file:line:col, the offending line and a suggestion. */
class LabProblemsTest {
    @TempDir Path home;

    private List<LabProblem> problems(String yaml) {
        return new TempLabs(home).problems("t", yaml);
    }

    /** The only problem of {@code yaml}. */
    private LabProblem problem(String yaml) {
        List<LabProblem> problems = problems(yaml);
        assertThat(problems).as(problems.toString()).hasSize(1);
        return problems.getFirst();
    }

    @Test
    void unknownTopLevelKey() {
        LabProblem p = problem("""
                id: t
                title: T
                sumary: One line.
                steps:
                  - { id: one, title: One }
                """);

        assertThat(p.file()).isEqualTo(home.resolve("labs/t.yaml"));
        assertThat(p.line()).isEqualTo(3);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("unknown key 'sumary' in the lab");
        assertThat(p.excerpt()).isEqualTo("sumary: One line.");
        assertThat(p.suggestion()).isEqualTo("did you mean 'summary'?");
    }

    @Test
    void unknownAction() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    do:
                      - unshar: [uts]
                """);

        assertThat(p.headline()).isEqualTo(home.resolve("labs/t.yaml")
                + ":7:9: unknown action 'unshar' (did you mean 'unshare'?)");
        assertThat(p.excerpt()).isEqualTo("      - unshar: [uts]");
    }

    @Test
    void unknownCheck() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    task: Name it.
                    solution: [ { sethostname: lab } ]
                    check:
                      - hostname: { in: container, is: lab }
                      - hostnam: { in: host, unchanged: true }
                """);

        assertThat(p.line()).isEqualTo(10);
        assertThat(p.column()).isEqualTo(9);
        assertThat(p.message()).isEqualTo("unknown check 'hostnam'");
        assertThat(p.suggestion()).isEqualTo("did you mean 'hostname'?");
    }

    @Test
    void unknownNamespace() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    do:
                      - unshare: [mount, utss, pid]
                """);

        assertThat(p.line()).isEqualTo(7);
        assertThat(p.column()).isEqualTo(26);
        assertThat(p.message()).isEqualTo("unknown namespace 'utss'");
        assertThat(p.suggestion()).isEqualTo("did you mean 'uts'?");
    }

    @Test
    void procNameOfANamespaceSuggestsTheLabName() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    do:
                      - unshare: [mnt]
                """);

        assertThat(p.message()).isEqualTo("unknown namespace 'mnt'");
        assertThat(p.suggestion()).isEqualTo("did you mean 'mount'?");
    }

    @Test
    void stringWhereAListIsExpected() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    observe: namespaces
                """);

        assertThat(p.line()).isEqualTo(6);
        assertThat(p.column()).isEqualTo(14);
        assertThat(p.message()).isEqualTo("'observe' should be a list, not the text 'namespaces'");
        assertThat(p.suggestion()).isEqualTo("write observe: [namespaces]");
    }

    @Test
    void stringWhereAnActionWantsAList() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    do:
                      - unshare: uts
                """);

        assertThat(p.line()).isEqualTo(7);
        assertThat(p.column()).isEqualTo(18);
        assertThat(p.message()).isEqualTo("'unshare' should be a list, not the text 'uts'");
        assertThat(p.suggestion()).isEqualTo("write unshare: [uts]");
    }

    @Test
    void missingRequiredId() {
        LabProblem p = problem("""
                title: T
                steps:
                  - { id: one, title: One }
                """);

        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).isEqualTo("missing required key 'id' in the lab");
        assertThat(p.excerpt()).isEqualTo("title: T");
    }

    @Test
    void yamlSyntaxError() {
        LabProblem p = problem("""
                id: t
                title: Namespaces: a first look
                steps:
                  - { id: one, title: One }
                """);

        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isEqualTo(18);
        assertThat(p.message()).isEqualTo("YAML syntax error: mapping values are not allowed here");
        assertThat(p.excerpt()).isEqualTo("title: Namespaces: a first look");
        assertThat(p.suggestion()).isEqualTo("put a value that contains ': ' in quotes");
    }

    @Test
    void duplicateStepId() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                  - id: one
                    title: Again
                """);

        assertThat(p.line()).isEqualTo(6);
        assertThat(p.column()).isEqualTo(9);
        assertThat(p.message()).isEqualTo("duplicate step id 'one'");
        assertThat(p.suggestion()).isEqualTo("the first is at line 4");
    }

    @Test
    void missingLessonFile() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    text: namespaces/02-unshar.md
                """);

        assertThat(p.line()).isEqualTo(6);
        assertThat(p.column()).isEqualTo(11);
        assertThat(p.message()).isEqualTo("lesson file 'namespaces/02-unshar.md' not found in "
                + home.resolve("lesson-content"));
        assertThat(p.suggestion()).isEqualTo("did you mean 'namespaces/02-unshare.md'?");
    }

    @Test
    void answerNotAmongChoices() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    quiz:
                      - ask: Which flag creates a new UTS namespace?
                        choices: [CLONE_NEWNS, CLONE_NEWUTS]
                        answer: CLONE_NEWUST
                """);

        assertThat(p.line()).isEqualTo(9);
        assertThat(p.column()).isEqualTo(17);
        assertThat(p.message()).isEqualTo("the answer 'CLONE_NEWUST' is not one of the choices");
        assertThat(p.suggestion()).isEqualTo("did you mean 'CLONE_NEWUTS'?");
    }

    @Test
    void userNamespaceIsRefusedWithTheReason() {
        LabProblem p = problem("""
                id: t
                title: T
                steps:
                  - id: one
                    title: One
                    do:
                      - unshare: [uts, user]
                """);

        assertThat(p.line()).isEqualTo(7);
        assertThat(p.column()).isEqualTo(24);
        assertThat(p.message()).contains("user namespace cannot be unshared", "multithreaded", "EINVAL");
        assertThat(p.suggestion()).isEqualTo("remove 'user'");
    }

    @Test
    void everyProblemOfAFileIsReportedInFileOrder() {
        List<LabProblem> problems = problems("""
                id: other
                title: T
                steps:
                  - id: One
                    title: One
                    do:
                      - spawn: { argv: [/bin/sh], rol: init }
                      - make-private: /
                      - mount: { type: tmpfs, target: tmp }
                    observe: [nss]
                  - id: two
                    title: Two
                    titel: Again
                    task: Do it.
                    quiz:
                      - ask: Host PID?
                        answer: { live: init.hostpid }
                """);

        assertThat(problems).extracting(LabProblem::line, LabProblem::message).containsExactly(
                tuple(1, "the lab id 'other' differs from the file name 't.yaml'"),
                tuple(4, "a step id may only contain a-z, 0-9 and '-'"),
                tuple(7, "unknown key 'rol' in action 'spawn'"),
                tuple(8,
                        "make-private needs the lab's own mount namespace, or it would change the host's mounts"),
                tuple(9,
                        "mount needs the lab's own mount namespace, or it would change the host's mounts"),
                tuple(9,
                        "'tmp' is not an absolute path; paths are inside the sandbox's root"),
                tuple(10, "unknown inspector 'nss'"),
                tuple(13, "unknown key 'titel' in a step"),
                tuple(14, "a step with a task needs `check:` (how jlab knows it is done)"),
                tuple(14,
                        "a step with a task needs `solution:` (for `solve` and the content tests)"),
                tuple(17, "unknown live value 'init.hostpid'"));
    }
}
