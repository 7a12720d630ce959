package jlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final Machine MACHINE = new Machine("2026-11-23T14:00:00Z", "Linux 6.18", "AMD \"EPYC\"", 2, "1.0 2.0 3.0", "Java 25");
    private static final Result CONTAINER = new Result("container", "unshare + chroot", 2, 1,
            List.of(Samples.of("jlab", List.of(3.0, 5.0)), Samples.of("util-linux", List.of(4.0, 6.0)),
                    Samples.unavailable("runc run", "not installed")),
            Result.Target.ratioAtMost(1.0), List.of(), List.of("a \"quoted\" note"));

    @Test void jsonIsWellFormedAndCarriesTheFigures() throws Exception {
        JsonNode root = new ObjectMapper().readTree(print(true));
        assertThat(root.at("/machine/cpu").asText()).isEqualTo("AMD \"EPYC\"");
        JsonNode bench = root.at("/benchmarks/0");
        assertThat(bench.get("name").asText()).isEqualTo("container");
        assertThat(bench.get("ratio").asDouble()).isEqualTo(0.8);
        assertThat(bench.get("met").asBoolean()).isTrue();
        assertThat(bench.at("/contenders/0/median_ms").asDouble()).isEqualTo(4.0);
        assertThat(bench.at("/contenders/2/unavailable").asText()).isEqualTo("not installed");
        assertThat(bench.at("/notes/0").asText()).isEqualTo("a \"quoted\" note");
    }

    @Test void textShowsEachContenderTheRatioAndTheVerdict() {
        String text = print(false);
        assertThat(text).contains("jlab bench - 2026-11-23T14:00:00Z, Linux 6.18, 2 CPU(s)")
                .containsPattern("jlab\\s+3\\.00 ms\\s+4\\.00 ms\\s+5\\.00 ms")
                .contains("runc run", "not measured: not installed")
                .contains("ratio jlab/util-linux: 0.80")
                .contains("target ratio <= 1.00: met (0.80)");
    }

    private static String print(boolean json) {
        var bytes = new ByteArrayOutputStream();
        var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        if (json) Report.json(MACHINE, List.of(CONTAINER), out);
        else Report.text(MACHINE, List.of(CONTAINER), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
