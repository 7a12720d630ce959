package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class LabProblemTest {
    private static final Path FILE = Path.of("labs/network.yaml");

    @Test
    void rendersLikeACompiler() {
        LabProblem p = new LabProblem(FILE, 14, 7, "unknown action 'vethh'", "    - vethh: [a, b]",
                "did you mean 'veth'?");

        assertThat(p.render()).isEqualTo("""
                labs/network.yaml:14:7: unknown action 'vethh' (did you mean 'veth'?)
                    - vethh: [a, b]
                      ^""");
    }

    @Test
    void theCaretFollowsTabsInTheExcerpt() {
        LabProblem p = new LabProblem(FILE, 1, 4, "m", "\t\tab", null);

        assertThat(p.render()).isEqualTo("labs/network.yaml:1:4: m\n\t\tab\n\t\t ^");
    }

    @Test
    void aProblemWithoutAPlaceHasNoNumbersNorExcerpt() {
        assertThat(new LabProblem(FILE, 0, 0, "no such file", null, null).render())
                .isEqualTo("labs/network.yaml: no such file");
    }

    @Test
    void anExceptionHoldsAtLeastOneProblem() {
        assertThatThrownBy(() -> new LabException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingFileIsAProblemNotACrash() {
        assertThatThrownBy(() -> new LabLoader(Path.of("lesson-content"), LabLoader.DEFAULT_INSPECTORS)
                .load(Path.of("labs/does-not-exist.yaml")))
                .isInstanceOf(LabException.class)
                .hasMessage("labs/does-not-exist.yaml: no such file");
    }
}
