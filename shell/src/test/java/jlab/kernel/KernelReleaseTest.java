package jlab.kernel;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KernelReleaseTest {

    @Test
    void parsesThisMachinesRelease() {
        var k = KernelRelease.parse("6.18.44-fc-v657\n").orElseThrow();
        assertThat(k.major()).isEqualTo(6);
        assertThat(k.minor()).isEqualTo(18);
        assertThat(k.text()).isEqualTo("6.18.44-fc-v657");
    }

    @Test
    void comparesMinorNumerically() {
        var k = KernelRelease.parse("6.12.48+deb13-amd64").orElseThrow();
        assertThat(k.atLeast(6, 9)).isTrue();
        assertThat(k.atLeast(6, 18)).isFalse();
        assertThat(k.atLeast(5, 30)).isTrue();
    }

    @Test
    void rejectsTextWithoutVersion() {
        assertThat(KernelRelease.parse("unknown")).isEmpty();
    }
}
