package jlab.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** `cat /proc/self/stat` on the dev machine. */
    private static final String CAT = "4641 (cat) R 4638 4638 3250 0 -1 4194304 99 0 0 0 0 0 0 0 20 0 1 0 62055 "
            + "3133440 358 18446744073709551615 94088973234176 94088973254057 140730061496240 0 0 0 0 0 0 0 0 0 17 "
            + "1 0 0 0 0 0 94088973270064 94088973271680 94089820585984 140730061503201 140730061503221 "
            + "140730061503221 140730061504491 0\n";

    /** bash after `echo -n "my (x) y)" > /proc/$$/comm`: the comm holds spaces and a ')' of its own. */
    private static final String ODD_COMM = "4842 (my (x) y)) R 4830 4830 3250 0 -1 4194304 166 0 0 0 0 0 0 0 20 0 1 "
            + "0 62994 4464640 767 18446744073709551615 94659969994752 94659970784157 140720888932672 0 0 0 0 4 "
            + "65536 0 0 0 17 1 0 0 0 0 0 94659971017456 94659971065700 94660917972992 140720888941098 "
            + "140720888941299 140720888941299 140720888942570 0";

    /** An unreaped child: most fields are zero but starttime is still there. */
    private static final String ZOMBIE = "7332 (sh) Z 7330 7328 3250 0 -1 4227148 24 0 0 0 0 0 0 0 20 0 1 0 69847 0 0 "
            + "18446744073709551615 0 0 0 0 0 0 0 6 65536 1 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0";

    @Test
    void readsStateParentAndStartTime() {
        assertThat(ProcStat.parse(CAT)).isEqualTo(new ProcStat(4641, "cat", 'R', 4638, 62055));
    }

    @Test
    void splitsTheCommAtTheLastParenthesis() {
        assertThat(ProcStat.parse(ODD_COMM)).isEqualTo(new ProcStat(4842, "my (x) y)", 'R', 4830, 62994));
    }

    @Test
    void parsesAZombie() {
        ProcStat s = ProcStat.parse(ZOMBIE);

        assertThat(s.state()).isEqualTo('Z');
        assertThat(s.startTime()).isEqualTo(69847);
    }

    @Test
    void rejectsTruncatedText() {
        assertThatThrownBy(() -> ProcStat.parse("4641 (cat) R 4638")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStat.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
