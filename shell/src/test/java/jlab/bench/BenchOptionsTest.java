package jlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test void noArgumentsMeansEveryBenchmarkWithItsOwnDefaults() {
        var o = Bench.Options.parse(List.of());
        assertThat(o.benchmarks()).containsExactly("startup", "container", "snapshot", "network");
        assertThat(o.json()).isFalse();
        assertThat(o.runs(30)).isEqualTo(30);
        assertThat(o.warmup(3)).isEqualTo(3);
    }

    @Test void namesJsonRunsAndWarmupAreRead() {
        var o = Bench.Options.parse(List.of("snapshot", "--json", "--runs", "7", "--warmup", "0", "container"));
        assertThat(o.benchmarks()).containsExactly("snapshot", "container");
        assertThat(o.json()).isTrue();
        assertThat(o.runs(30)).isEqualTo(7);
        assertThat(o.warmup(3)).isZero();
    }

    @Test void mistakesAreExplained() {
        assertThatThrownBy(() -> Bench.Options.parse(List.of("contianer"))).hasMessageContaining("'contianer'");
        assertThatThrownBy(() -> Bench.Options.parse(List.of("--runs"))).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> Bench.Options.parse(List.of("--runs", "x"))).hasMessageContaining("'x'");
    }

    @Test void theNetworkBenchmarkNeedsRoot() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = Bench.run(List.of("network"), null, Path.of("."), false,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("network: needs root").contains("sudo ./jlab bench network");
    }
}
