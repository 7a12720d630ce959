package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jlab.engine.CgroupControl.CpuSample;

class CpuThrottleChartTest {
    private static final long MS = 1_000_000;

    @Test void drawsTheShareOfTheLastIntervalAgainstTheQuota() {
        CpuThrottleChart chart = new CpuThrottleChart(60, false);
        chart.add(new CpuSample(0, 1_000_000, 10, 8, 500_000, 20_000, 100_000));
        chart.add(new CpuSample(250 * MS, 1_050_000, 13, 10, 700_000, 20_000, 100_000));
        var lines = chart.render();
        assertThat(lines).hasSize(CpuThrottleChart.HEIGHT);
        assertThat(lines.get(0)).startsWith("cpu.max 20000 100000 = 20.0% of one CPU");
        // 50 ms of CPU in 250 ms: 20%; 40 cells, the quota mark at cell 8
        assertThat(lines.get(1)).isEqualTo("cpu [########|...............................] 20.0%");
        assertThat(lines.get(2)).isEqualTo("history .");
        assertThat(lines.get(3)).contains("nr_throttled 10 (+2)").contains("throttled_usec 700000 (+0.20 s)").endsWith("average 20.0%");
        assertThat(chart.averageShare()).isEqualTo(0.2);
    }

    @Test void keepsItsHeightAndWidthAsSamplesPileUp() {
        CpuThrottleChart chart = new CpuThrottleChart(50, true);
        for (int i = 0; i < 200; i++) chart.add(new CpuSample(i * 250 * MS, i * 125_000L, i, i, i * 1000L, -1, 100_000));
        var lines = chart.render();
        assertThat(lines).hasSize(CpuThrottleChart.HEIGHT);
        assertThat(lines.get(0)).contains("(no quota)");
        assertThat(lines.get(2)).isEqualTo("history " + "▅".repeat(38));
        assertThat(lines).allMatch(l -> l.length() <= 90);
    }
}
