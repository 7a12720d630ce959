package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jlab.lab.Lab;
import jlab.lab.LabCatalog;
import jlab.lab.LabLoader;

/**
 * Content is tested like code, against the real kernel, with the same linter as `jlab lint`: in every lab of
 * labs/, each step's actions succeed, each task's checks fail before the learner acts and pass after its
 * solution, every declared quiz answer is graded right, every live answer can be read, and the whole lab
 * leaves nothing behind.
 */
@Tag("kernel")
class LabContentKernelTest {

    static Stream<String> labs() {
        return new LabLibrary(JlabHome.find(), line -> { }).list().stream().map(l -> l.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void solutionsPassUnsolvedStatesFailAndNothingIsLeft(String id) throws Exception {
        assertThat(Privileges.root()).as("kernel tests run as root").isTrue();
        LabLoader loader = new LabLoader(JlabHome.find().resolve("lesson-content"), LabLoader.DEFAULT_INSPECTORS);
        Lab lab = new LabCatalog(JlabHome.find().resolve("labs"), loader).find(id);

        Linting.Outcome outcome = Linting.lint(JlabHome.find(), lab, loader.lessonRoot());

        assertThat(outcome.failures()).as(id).isEmpty();
        assertThat(outcome.report().passed()).as("what lint proved").isNotEmpty();
        for (var step : lab.steps()) {
            if (step.hasTask()) {
                assertThat(outcome.report().passed()).anyMatch(p -> p.contains("(" + step.id() + "): solution passes"));
            }
        }
    }
}
