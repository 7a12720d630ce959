package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jlab.engine.LabSession;
import jlab.engine.LabSession.CheckResult;

/**
 * Content is tested like code, against the real kernel: in every lab of labs/, each step's actions
 * succeed, each task's checks fail before the learner acts and pass after its solution, every live quiz
 * answer can be read, and the whole lab leaves nothing behind.
 */
@Tag("kernel")
class LabContentKernelTest {

    static Stream<String> labs() {
        return new LabLibrary(JlabHome.find(), line -> { }).list().stream().map(l -> l.id());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void solutionsPassUnsolvedStatesFailAndNothingIsLeft(String id) throws IOException {
        assertThat(Privileges.root()).as("kernel tests run as root").isTrue();
        List<String> hostMounts = Files.readAllLines(Path.of("/proc/self/mountinfo"));
        Path base = Files.createTempDirectory("jlab-content-test");
        List<String> notices = new ArrayList<>();
        try (LabSession session = new LabLibrary(JlabHome.find(), notices::add, base).start(id)) {
            for (int i = 0; i < session.stepCount(); i++) {
                var entered = session.goTo(i);
                String step = id + " step " + (i + 1) + " (" + entered.step().id() + ")";
                assertThat(entered.notes()).as(step + " actions").noneMatch(n -> n.startsWith("✗"));
                if (entered.step().hasTask()) {
                    assertThat(session.check().passed()).as(step + ": the unsolved task must fail its checks").isFalse();
                    var solved = session.solve();
                    assertThat(solved.checks().results()).as(step + ": the solution must pass every check")
                            .allMatch(CheckResult::passed);
                    assertThat(solved.checks().passed()).isTrue();
                }
                for (var q : session.quiz()) {
                    if (q.live()) {
                        var grade = session.answer(q.index(), "not the answer");
                        assertThat(grade.correct()).isFalse();
                    }
                }
            }
        }
        assertThat(notices).as("teardown problems").noneMatch(n -> n.startsWith("cleanup:"));
        try (var left = Files.list(base)) {
            assertThat(left).as("session directories left behind").isEmpty();
        }
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo"))).isEqualTo(hostMounts);
        Files.delete(base);
    }
}
