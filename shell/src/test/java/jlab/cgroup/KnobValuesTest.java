package jlab.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What `cgroup set` accepts for each file, and what it says about what it does not: never a Java parser's words. */
class KnobValuesTest {
    private static final String MEMORY = "memory.max takes bytes with an optional K, M or G suffix (32M, 1.5G), or max";

    @Test void sizesAreBytesWithAnOptionalSuffix() {
        assertThat(KnobValues.bytes(Knob.MEMORY_MAX, "32M")).isEqualTo(33554432L);
        assertThat(KnobValues.bytes(Knob.MEMORY_MAX, "1g")).isEqualTo(1L << 30);
        assertThat(KnobValues.bytes(Knob.MEMORY_MAX, "4096")).isEqualTo(4096L);
        assertThat(KnobValues.bytes(Knob.MEMORY_MAX, " 512K ")).isEqualTo(524288L);
        assertThat(KnobValues.bytes(Knob.MEMORY_MAX, "1.5G")).isEqualTo(1610612736L);
        assertThat(KnobValues.bytes(Knob.MEMORY_MAX, "0.5K")).isEqualTo(512L);
        assertThat(KnobValues.bytes(Knob.MEMORY_SWAP_MAX, "0")).isZero();
        assertThat(KnobValues.bytes(Knob.MEMORY_MAX, "max")).isEqualTo(Limits.UNLIMITED);
        assertThat(KnobValues.v2Text(Knob.MEMORY_HIGH, "16M")).isEqualTo("16777216");
    }

    @Test void aSizeItCannotReadSaysWhatTheFileTakes() {
        assertThatThrownBy(() -> KnobValues.bytes(Knob.MEMORY_MAX, "10Q")).hasMessage(MEMORY + ", not '10Q'");
        assertThatThrownBy(() -> KnobValues.bytes(Knob.MEMORY_MAX, "32MB")).hasMessage(MEMORY + ", not '32MB'");
        assertThatThrownBy(() -> KnobValues.bytes(Knob.MEMORY_MAX, "-1")).hasMessage(MEMORY + ", not '-1'");
        assertThatThrownBy(() -> KnobValues.bytes(Knob.MEMORY_MAX, "")).hasMessage(MEMORY + ", not ''");
        assertThatThrownBy(() -> KnobValues.bytes(Knob.MEMORY_SWAP_MAX, "lots"))
                .hasMessage("memory.swap.max takes bytes with an optional K, M or G suffix (32M, 1.5G), or max, not 'lots'");
        assertThatThrownBy(() -> KnobValues.bytes(Knob.MEMORY_MAX, "1.1K"))
                .hasMessage(MEMORY + ": 1.1K is 1126.4 bytes, not a whole number");
        assertThatThrownBy(() -> KnobValues.bytes(Knob.MEMORY_MAX, "1.5"))
                .hasMessage(MEMORY + ": 1.5 is 1.5 bytes, not a whole number");
        assertThatThrownBy(() -> KnobValues.bytes(Knob.MEMORY_MAX, "99999999999G"))
                .hasMessage(MEMORY + ": 99999999999G is more bytes than the kernel counts; max means no limit");
    }

    @Test void pidsMaxIsAWholeNumberOrMax() {
        assertThat(KnobValues.pids("10")).isEqualTo(10);
        assertThat(KnobValues.pids("0")).isZero();
        assertThat(KnobValues.pids("max")).isEqualTo(Limits.UNLIMITED);
        assertThat(KnobValues.v2Text(Knob.PIDS_MAX, " 10 ")).isEqualTo("10");
        for (String wrong : new String[] {"-5", "-1", "ten", "1.5", "10k", "99999999999999999999"}) {
            assertThatThrownBy(() -> KnobValues.pids(wrong)).hasMessage("pids.max takes a whole number ≥ 0, or max, not '" + wrong + "'");
        }
    }

    @Test void cpuWeightIsOneToTenThousand() {
        assertThat(KnobValues.weight("100")).isEqualTo(100);
        assertThat(KnobValues.weight("10000")).isEqualTo(10_000);
        for (String wrong : new String[] {"0", "10001", "-3", "heavy", "99999999999999999999"}) {
            assertThatThrownBy(() -> KnobValues.weight(wrong))
                    .hasMessage("cpu.weight takes a whole number from 1 to 10000 (100 is the default), not '" + wrong + "'");
        }
    }

    @Test void cpuMaxNamesItsFileInEveryMessage() {
        assertThat(KnobValues.v2Text(Knob.CPU_MAX, "20000 100000")).isEqualTo("20000 100000");
        assertThatThrownBy(() -> KnobValues.v2Text(Knob.CPU_MAX, "fast")).hasMessageStartingWith("cpu.max takes '$QUOTA $PERIOD'");
        assertThatThrownBy(() -> KnobValues.v2Text(Knob.CPU_MAX, "-5 100000")).hasMessage("cpu.max's quota must be at least 1000 µs (or max), not -5");
        assertThatThrownBy(() -> KnobValues.v2Text(Knob.CPU_MAX, "20000 5")).hasMessage("cpu.max's period must be 1000..1000000 µs, not 5");
    }
}
