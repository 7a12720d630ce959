package jlab.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcStartTimesTest {
    // Copied from this machine (Debian 12, kernel 6.18).
    private static final String CAT = "12632 (cat) R 12630 12630 5685 0 -1 4194304 98 0 0 0 0 0 0 0 20 0 1 0 78963 "
            + "3133440 381 18446744073709551615 94194790469632 94194790489513 140721641847760 0 0 0 0 0 0 0 0 0 17 1 0 0 "
            + "0 0 0 94194790505520 94194790507136 94195162959872 140721641851617 140721641851637 140721641851637 "
            + "140721641852907 0\n";
    /** A copy of sleep named {@code we ird) (x}: the comm holds spaces and both parentheses. */
    private static final String ODD_COMM = "12727 (we ird) (x) S 12723 12721 5685 0 -1 4194304 102 0 0 0 0 0 0 0 20 0 1 0 "
            + "79217 2990080 421 18446744073709551615 94855431249920 94855431267849 140720754630528 0 0 0 0 0 0 1 0 0 17 "
            + "1 0 0 0 0 0 94855431281936 94855431283200 94856325914624 140720754637485 140720754637518 140720754637518 "
            + "140720754638809 0\n";
    private static final String ZOMBIE = "12921 (sleep) Z 12919 12910 5685 0 -1 4227084 94 0 0 0 0 0 0 0 20 0 1 0 79634 "
            + "0 0 18446744073709551615 0 0 0 0 0 0 0 6 0 1 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

    @Test void readsField22() {
        assertThat(ProcStartTimes.liveStartTime(CAT)).hasValue(78963);
    }

    @Test void countsFieldsFromTheLastParenthesis() {
        assertThat(ProcStartTimes.liveStartTime(ODD_COMM)).hasValue(79217);
    }

    @Test void zombiesHaveNoLiveStartTime() {
        assertThat(ProcStartTimes.liveStartTime(ZOMBIE)).isEmpty();
    }

    @Test void rejectsWhatIsNotAStatLine() {
        assertThatThrownBy(() -> ProcStartTimes.liveStartTime("12632 cat R")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcStartTimes.liveStartTime("12632 (cat) R 1 2 3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few fields");
    }

    @Test void readsFromAnInjectedProcRoot(@TempDir Path proc) throws IOException {
        Files.createDirectories(proc.resolve("12727"));
        Files.writeString(proc.resolve("12727/stat"), ODD_COMM);

        ProcStartTimes times = new ProcStartTimes(proc);

        assertThat(times.startTime(12727)).hasValue(79217);
        assertThat(times.startTime(4242)).isEmpty();
        assertThat(times.isRunning(new ProcessIdentity(12727, 79217))).isTrue();
        assertThat(times.isRunning(new ProcessIdentity(12727, 79218))).as("same pid, other start time").isFalse();
    }

    @Test void knowsThisJvm() {
        ProcessIdentity self = ProcessIdentity.self(ProcStartTimes.system());

        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(self.startTime()).isPositive();
        assertThat(ProcStartTimes.system().isRunning(self)).isTrue();
    }
}
