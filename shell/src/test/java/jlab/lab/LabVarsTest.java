package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-session vars: drawn once per load from a seed, substituted everywhere, mistakes placed. */
class LabVarsTest {
    private static final String LAB = """
            id: t
            title: T
            vars:
              hostname: { pick: [lab-red, lab-blue, lab-green] }
              quota: { range: [20000, 50000], step: 10000 }
              token: { hex: 8 }
            steps:
              - id: one
                title: Set ${vars.hostname}
                text: namespaces/02-unshare.md
                task: "Name it ${vars.hostname} and write ${vars.token}"
                hint: ["Run: ! hostname ${vars.hostname}"]
                solution: [ { exec: [hostname, "${vars.hostname}"] } ]
                check:
                  - hostname: { in: container, is: "${vars.hostname}" }
                  - command: { run: [sh, -c, 'echo ${HOME}'], output: "${vars.token}" }
                quiz:
                  - ask: "cpu.max is '${vars.quota} 100000': what % of one CPU?"
                    answer: { number: "${vars.quota / 100000 * 100}", unit: "%" }
            """;

    @TempDir Path home;

    @Test
    void everyPlaceGetsTheSameDrawnValue() throws Exception {
        TempLabs labs = new TempLabs(home);
        Lab lab = labs.loader.withSeed(42).load(labs.write("t", LAB));

        String name = lab.vars().get("hostname");
        long quota = Long.parseLong(lab.vars().get("quota"));
        assertThat(name).isIn("lab-red", "lab-blue", "lab-green");
        assertThat(quota).isIn(20000L, 30000L, 40000L, 50000L);
        assertThat(lab.vars().get("token")).matches("[0-9a-f]{8}");
        Step step = lab.steps().getFirst();
        assertThat(step.title()).isEqualTo("Set " + name);
        assertThat(step.task()).isEqualTo("Name it " + name + " and write " + lab.vars().get("token"));
        assertThat(step.hints()).containsExactly("Run: ! hostname " + name);
        assertThat(step.solution()).containsExactly(new Action.Exec(List.of("hostname", name)));
        assertThat(step.checks().getFirst()).isEqualTo(new Check.HostnameCheck(Check.Where.CONTAINER, name, null));
        assertThat(((Check.CommandCheck) step.checks().get(1)).run()).as("a shell ${...} is not a var")
                .containsExactly("sh", "-c", "echo ${HOME}");
        var question = (Question.NumberQuestion) step.quiz().getFirst();
        assertThat(question.ask()).contains("'" + quota + " 100000'");
        assertThat(question.number()).isEqualTo(quota / 1000.0);
    }

    @Test
    void theSameSeedDrawsTheSameAndSessionsSideBySideDiffer() throws Exception {
        TempLabs labs = new TempLabs(home);
        Path file = labs.write("t", LAB);
        assertThat(labs.loader.withSeed(5).load(file).vars()).isEqualTo(labs.loader.withSeed(5).load(file).vars());
        Set<String> names = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) names.add(labs.loader.withSeed(seed).load(file).vars().get("hostname"));
        assertThat(names).as("twenty learners do not all get one name").hasSizeGreaterThan(1);
    }

    @Test
    void theShippedNamespacesLabAsksTwoLearnersForDifferentHostnames() throws Exception {
        Path root = RepositoryRoot.find();
        LabLoader loader = new LabLoader(root.resolve("lesson-content"), LabLoader.DEFAULT_INSPECTORS);
        Set<String> names = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            Lab lab = loader.withSeed(seed).load(root.resolve("labs/namespaces.yaml"));
            String name = lab.vars().get("hostname");
            names.add(name);
            assertThat(lab.step("hostname").orElseThrow().checks().getFirst().describe())
                    .isEqualTo("hostname in container is '" + name + "'");
        }
        assertThat(names).hasSizeGreaterThan(1);
    }

    @Test
    void anUnknownVarIsPlacedWithADidYouMean() {
        List<LabProblem> problems = new TempLabs(home).problems("t", """
                id: t
                title: T
                vars:
                  hostname: { pick: [a, b] }
                steps:
                  - id: one
                    title: One
                    task: "Name it ${vars.hostnam}"
                    solution: [ { exec: [hostname, "${vars.hostname}"] } ]
                    check: [ { hostname: { is: "${vars.quota / 2}" } } ]
                """);

        assertThat(problems).extracting(LabProblem::line, LabProblem::column, LabProblem::message, LabProblem::suggestion)
                .containsExactly(
                        tuple(8, 11, "unknown variable 'vars.hostnam'", "did you mean 'vars.hostname'?"),
                        tuple(10, 32, "unknown variable 'vars.quota'", "the lab's vars are vars.hostname"));
    }

    @Test
    void aLessonFileWithAnUnknownVarIsReportedAtItsOwnLine() throws Exception {
        TempLabs labs = new TempLabs(home);
        Files.writeString(labs.lessons.resolve("namespaces/02-unshare.md"), "# Title\n\nName it `${vars.hostnme}`.\n");

        List<LabProblem> problems = labs.problems("t", """
                id: t
                title: T
                vars: { hostname: { pick: [a] } }
                steps:
                  - { id: one, title: One, text: namespaces/02-unshare.md }
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(labs.lessons.resolve("namespaces/02-unshare.md"));
            assertThat(p.headline()).endsWith("02-unshare.md:3:10: unknown variable 'vars.hostnme' (did you mean 'vars.hostname'?)");
        });
    }

    @Test
    void badGeneratorsAreReportedAtTheirVar() {
        List<LabProblem> problems = new TempLabs(home).problems("t", """
                id: t
                title: T
                vars:
                  a: { pick: [] }
                  b: { range: [5, 1] }
                  c: { range: [1, 5], step: 0 }
                  d: { pick: [x], hex: 4 }
                  e: { hex: 99 }
                  f: { pik: [x] }
                  Bad-Name: { hex: 2 }
                steps:
                  - { id: one, title: "${vars.a}" }
                """);

        assertThat(problems).extracting(LabProblem::line, LabProblem::message).containsExactly(
                tuple(4, "var 'a': pick needs a list of non-empty values"),
                tuple(5, "var 'b': range [5, 1] is empty: low is above high"),
                tuple(6, "var 'c': step must be a positive number"),
                tuple(7, "var 'd': needs exactly one generator, found 2"),
                tuple(8, "var 'e': hex is a length from 1 to 32"),
                tuple(9, "unknown key 'pik' in a var (pick, range, step, hex)"),
                tuple(10, "a var name starts with a-z and has only a-z, 0-9 and '_'"));
    }

    @Test
    void aMisspeltGeneratorIsReportedOnceAtItsKeyWithTheRightSpelling() {
        List<LabProblem> problems = new TempLabs(home).problems("t", """
                id: t
                title: T
                vars:
                  host: { pik: [a, b] }
                  quota:
                    range: [1, 5]
                    stpe: { by: 2 }
                steps:
                  - { id: one, title: "${vars.host}" }
                """);

        assertThat(problems).extracting(LabProblem::line, LabProblem::column, LabProblem::message, LabProblem::suggestion)
                .containsExactly(
                        tuple(4, 11, "unknown key 'pik' in a var (pick, range, step, hex)", "did you mean 'pick'?"),
                        tuple(7, 5, "unknown key 'stpe' in a var (pick, range, step, hex)", "did you mean 'step'?"));
    }

    @Test
    void arithmeticOverVars() {
        Map<String, String> vars = Map.of("quota", "25000", "period", "100000", "name", "red");

        assertThat(LabVars.expand("${vars.quota / vars.period * 100}%", vars)).isEqualTo("25%");
        assertThat(LabVars.expand("${ (vars.quota + 5000) / 1000 }", vars)).isEqualTo("30");
        assertThat(LabVars.expand("${vars.quota / 100000}", vars)).isEqualTo("0.25");
        assertThat(LabVars.expand("${-vars.quota}", vars)).isEqualTo("-25000");
        assertThat(LabVars.expand("$HOME ${PATH} ${vars.name}", vars)).isEqualTo("$HOME ${PATH} red");
        assertThatThrownBy(() -> LabVars.expand("${vars.name * 2}", vars)).hasMessage("cannot compute ${vars.name * 2}: 'vars.name' is 'red', not a number");
        assertThatThrownBy(() -> LabVars.expand("${vars.quota / (1 + 2}", vars)).hasMessageContaining("a ')' is missing");
        assertThatThrownBy(() -> LabVars.expand("${vars.quota / 0}", vars)).hasMessageContaining("division by zero");
    }
}
