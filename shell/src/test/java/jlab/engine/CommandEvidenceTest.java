package jlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** A command check shows the line that proves it, not merely the first line the command printed. */
class CommandEvidenceTest {
    // cat /proc/1/cgroup in the cgroups lab's container on a v1 (hybrid) host
    private static final String V1 = """
            9:name=systemd:/
            8:pids:/jlab/s9588-26387e-1
            7:memory:/jlab/s9588-26387e-1
            0::/
            """;

    @Test
    void theLineWhereThePatternMatchesOrNone() {
        assertThat(CheckEvaluator.matchedLine(V1, Pattern.compile("jlab/s"))).isEqualTo("8:pids:/jlab/s9588-26387e-1");
        assertThat(CheckEvaluator.matchedLine(V1, Pattern.compile("^9:"))).isEqualTo("9:name=systemd:/");
        assertThat(CheckEvaluator.matchedLine(V1, Pattern.compile("(?m)^0::/$"))).isEqualTo("0::/");
        assertThat(CheckEvaluator.matchedLine(V1, Pattern.compile("cpu:"))).isNull();
        assertThat(CheckEvaluator.matchedLine("no newline at the end", Pattern.compile("end"))).isEqualTo("no newline at the end");
    }
}
