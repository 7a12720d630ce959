package jlab.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** The parsers of cgroup interface files, on literal text: v1 from this build machine, v2 from a unified host. */
class CgroupParsersTest {

    /** /sys/fs/cgroup/cpu/jlab/exp1/cpu.stat on this machine (v1, kernel 6.18) after 3 s of a loop at 20%. */
    static final String V1_CPU_STAT = """
            nr_periods 30
            nr_throttled 27
            throttled_time 948128556
            nr_bursts 0
            burst_time 0
            """;

    static final String V2_CPU_STAT = """
            usage_usec 3864577215
            user_usec 3310016123
            system_usec 554561091
            nice_usec 4000
            nr_periods 31
            nr_throttled 28
            throttled_usec 2401234
            nr_bursts 0
            burst_usec 0
            """;

    static final String V1_OOM_CONTROL = """
            oom_kill_disable 0
            under_oom 0
            oom_kill 1
            """;

    static final String V2_MEMORY_EVENTS = """
            low 0
            high 0
            max 41
            oom 1
            oom_kill 1
            oom_group_kill 0
            """;

    @Test void readsV1CpuStat() {
        var stat = FlatKeyed.parse(V1_CPU_STAT);
        assertThat(stat).containsExactly(entry("nr_periods", 30L), entry("nr_throttled", 27L),
                entry("throttled_time", 948128556L), entry("nr_bursts", 0L), entry("burst_time", 0L));
        assertThat(FlatKeyed.get(stat, "throttled_usec")).as("a key v1 lacks reads as 0").isZero();
    }

    @Test void readsV2CpuStatAndEvents() {
        assertThat(FlatKeyed.parse(V2_CPU_STAT)).containsEntry("usage_usec", 3864577215L).containsEntry("throttled_usec", 2401234L);
        assertThat(FlatKeyed.parse(V2_MEMORY_EVENTS)).containsEntry("oom_kill", 1L).containsEntry("max", 41L);
        assertThat(FlatKeyed.parse("max 0\n")).containsExactly(entry("max", 0L)); // pids.events, the same on v1 and v2
    }

    @Test void readsV1OomControlAndMemoryStat() {
        assertThat(FlatKeyed.parse(V1_OOM_CONTROL)).containsEntry("oom_kill", 1L).containsEntry("under_oom", 0L);
        var stat = FlatKeyed.parse("cache 9449472\nrss 4841472\nrss_huge 0\nshmem 9068544\nmapped_file 7581696\n");
        assertThat(stat).containsEntry("rss", 4841472L).hasSize(5);
    }

    @Test void refusesTextThatIsNotFlatKeyed() {
        assertThatThrownBy(() -> FlatKeyed.parse("some avg10=0.00 avg60=0.00")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("some avg10");
        assertThatThrownBy(() -> FlatKeyed.parse("max lots")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> FlatKeyed.parse("nr_periods 1\nnr_throttled\n")).hasMessage("not a 'key value' line: nr_throttled");
        assertThatThrownBy(() -> FlatKeyed.parse("max 1 2")).hasMessage("not a 'key value' line: max 1 2");
    }

    @Test void flatKeyedFieldsAreSplitAtAnyRunOfWhitespace() {
        assertThat(FlatKeyed.parse("  oom_kill \t 3 \r\n\nunder_oom\t0")).containsExactly(entry("oom_kill", 3L), entry("under_oom", 0L));
        assertThat(FlatKeyed.parse("")).isEmpty();
    }

    @Test void readsPressure() {
        // /sys/fs/cgroup/unified/cpu.pressure on this machine
        var p = Pressure.parse("some avg10=3.03 avg60=9.89 avg300=23.82 total=3552487760\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        assertThat(p.some()).isEqualTo(new Pressure.Line(3.03, 9.89, 23.82, 3552487760L));
        assertThat(p.full()).contains(new Pressure.Line(0, 0, 0, 0));
        assertThat(Pressure.parse("some avg10=1.00 avg60=0.50 avg300=0.10 total=7").full()).isEmpty();
        assertThatThrownBy(() -> Pressure.parse("full avg10=0.00 avg60=0.00 avg300=0.00 total=0")).hasMessageContaining("some");
    }

    @Test void cpuMaxIsQuotaOverPeriod() {
        assertThat(CpuMax.parse("50000 100000").cpus()).isEqualTo(0.5);
        assertThat(CpuMax.parse("20000 100000").text()).isEqualTo("20000 100000");
        assertThat(CpuMax.parse("max 100000").unlimited()).isTrue();
        assertThat(CpuMax.parse("200000 100000").cpus()).isEqualTo(2.0);
        assertThat(CpuMax.parse("30000")).isEqualTo(new CpuMax(30000, 100000));
        assertThatThrownBy(() -> CpuMax.parse("fast")).hasMessageContaining("$QUOTA $PERIOD");
        assertThatThrownBy(() -> CpuMax.parse("20000 100000 7")).hasMessageContaining("$QUOTA $PERIOD");
        assertThatThrownBy(() -> CpuMax.parse("500 100000")).hasMessageContaining("at least 1000");
    }

    @Test void limitsReadV1AndV2Spellings() {
        assertThat(Limits.parse("9223372036854771712\n")).as("v1's no-limit").isEqualTo(Limits.UNLIMITED);
        assertThat(Limits.parse("max\n")).isEqualTo(Limits.UNLIMITED);
        assertThat(Limits.parse("-1")).isEqualTo(Limits.UNLIMITED);
        assertThat(Limits.parse("33554432")).isEqualTo(33554432L);
        assertThat(Limits.format(Limits.UNLIMITED)).isEqualTo("max");
    }
}
