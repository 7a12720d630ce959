package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jlab.lab.Lab;
import jlab.lab.LabException;
import jlab.lab.LabLoader;

/**
 * `jlab lint` against the real kernel: the `jlab new` template passes as written, and a lab that is valid in
 * shape but wrong in content fails for each of its mistakes, still leaving nothing behind.
 */
@Tag("kernel")
class LintKernelTest {
    @TempDir Path home;

    private Linting.Outcome lint(String id) throws LabException {
        LabLoader loader = new LabLoader(home.resolve("lesson-content"), LabLoader.DEFAULT_INSPECTORS);
        Lab lab = loader.load(home.resolve("labs/" + id + ".yaml"));
        return Linting.lint(home, lab, loader.lessonRoot());
    }

    @Test
    void theTemplateOfJlabNewPassesLint() throws Exception {
        assertThat(Privileges.root()).as("kernel tests run as root").isTrue();
        Scaffolding.create(home, "fresh", "A fresh lab");

        Linting.Outcome outcome = lint("fresh");

        assertThat(outcome.failures()).isEmpty();
        assertThat(outcome.report().passed()).contains(
                "step 1 (container): question 1: live value init.host-pid can be read",
                "step 2 (hostname): unsolved task fails its checks",
                "step 2 (hostname): solution passes every check (2)",
                "step 3 (done): question 1: the declared answer is graded right");
    }

    @Test
    void aLabWrongInContentFailsLintForEachMistakeAndLeavesNothing() throws Exception {
        assertThat(Privileges.root()).as("kernel tests run as root").isTrue();
        Files.createDirectories(home.resolve("labs"));
        Files.createDirectories(home.resolve("lesson-content"));
        Files.writeString(home.resolve("labs/broken.yaml"), """
                id: broken
                title: Broken on purpose
                steps:
                  - id: early
                    title: A live question before there is an init
                    quiz:
                      - ask: "Host PID of the init?"
                        answer: { live: init.host-pid }
                  - id: guard
                    title: A check that already passes
                    do:
                      - unshare: [mount, uts, ipc, net, pid]
                      - make-private: /
                      - spawn: { argv: [/bin/sh, -c, "while :; do sleep 1000; done"], role: init }
                    task: "Leave the host's hostname alone."
                    solution:
                      - exec: [hostname, other]
                    check:
                      - hostname: { in: host, unchanged: true }
                  - id: wrong
                    title: A solution that does not solve
                    task: "Name the container 'lab'."
                    solution:
                      - exec: [hostname, nope]
                    check:
                      - hostname: { in: container, is: lab }
                    quiz:
                      - ask: "Which one?"
                        choices: ["2", "1"]
                        answer: "1"
                  - id: after
                    title: A step after a task lint could not solve
                    quiz:
                      - ask: "A zombie's state?"
                        choices: [Z, D]
                        answer: Z
                """);

        Linting.Outcome outcome = lint("broken");

        assertThat(outcome.residue()).isEmpty();
        assertThat(outcome.report().failures()).hasSize(4).satisfiesExactly(
                f -> assertThat(f).startsWith("step 1 (early): question 1: live value init.host-pid cannot be read"),
                f -> assertThat(f).startsWith("step 2 (guard): the unsolved task already passes its checks"),
                f -> assertThat(f).startsWith("step 3 (wrong): after the solution these checks fail: hostname in "
                        + "container is 'lab'"),
                f -> assertThat(f).isEqualTo("step 3 (wrong): question 1: the declared answer '1' is graded wrong"));
        assertThat(outcome.report().passed()).as("lint moves on past the unsolved task, as a second `next` does")
                .contains("step 4 (after): question 1: the declared answer is graded right");
    }

    @Test
    void anInvalidLabIsNotRun() throws IOException {
        Files.createDirectories(home.resolve("labs"));
        Files.writeString(home.resolve("labs/bad.yaml"), "id: bad\ntitle: B\nsteps:\n  - id: a\n    title: A\n"
                + "    do:\n      - vethh: {}\n");
        var out = new java.io.ByteArrayOutputStream();
        int status = Linting.run(home, java.util.List.of(home.resolve("labs/bad.yaml").toString()),
                new java.io.PrintStream(out, true), System.err);
        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains("bad.yaml:7:9: unknown action 'vethh'", "invalid, not run");
    }
}
