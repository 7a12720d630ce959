package jlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.CheckResult;
import jlab.lab.FailureReasons;
import jlab.lab.Step;

/** Which hint comes first when a check fails for a reason the author wrote a hint for. */
class ReasonHintsTest {
    private static final Step STEP = new Step("addr", "Address", null, List.of(), List.of(), "task",
            List.of("nudge", "syscall", "command"), List.of(), List.of(), List.of(),
            List.of(new Step.ReasonHint("no-address", "no address yet"), new Step.ReasonHint("down", "it is down")));

    private static CheckReport report(CheckResult... results) {
        return new CheckReport(List.of(results));
    }

    private static CheckResult failing(String reason) {
        return new CheckResult("some check", false, "detail", reason);
    }

    @Test
    void theHintOfTheFirstMatchingReasonComesOnceThenNothingUntilAnotherReasonFails() {
        var hints = new ReasonHints();
        var downOnly = report(new CheckResult("address", true, "ok"), failing("down"));

        assertThat(hints.next(0, STEP, downOnly)).contains("it is down");
        assertThat(hints.next(0, STEP, downOnly)).as("shown once: the escalation goes on").isEmpty();
        assertThat(hints.next(0, STEP, report(failing("no-address"), failing("down")))).contains("no address yet");
        assertThat(hints.next(1, STEP, downOnly)).as("another step keeps its own record").contains("it is down");
    }

    @Test
    void aLaterFailingCheckChoosesTheHintWhenTheFirstFailingCheckHasNoneForItsReason() {
        var hints = new ReasonHints();

        assertThat(hints.next(0, STEP, report(failing("wrong-master"), new CheckResult("address", true, "ok"),
                failing("down")))).contains("it is down");
    }

    @Test
    void severalMatchingReasonsGiveTheirHintsInTheOrderTheyAreWrittenNotTheOrderOfTheChecks() {
        var hints = new ReasonHints();
        var bothFail = report(failing("down"), failing("no-address"));

        assertThat(hints.next(0, STEP, bothFail)).contains("no address yet");
        assertThat(hints.next(0, STEP, bothFail)).contains("it is down");
        assertThat(hints.next(0, STEP, bothFail)).as("each once, then the escalation").isEmpty();
    }

    @Test
    void passingChecksAndUnmatchedReasonsChooseNothing() {
        var hints = new ReasonHints();

        assertThat(hints.next(0, STEP, report(new CheckResult("link", true, "up")))).isEmpty();
        assertThat(hints.next(0, STEP, report(failing("no-answer")))).isEmpty();
        assertThat(hints.next(0, STEP, report(new CheckResult("generic", false, "x")))).isEmpty();
    }

    @Test
    void aFailureWithoutAFinerReasonIsFailedAndAPassIsNone() {
        assertThat(new CheckResult("c", false, "d").reason()).isEqualTo(FailureReasons.FAILED);
        assertThat(new CheckResult("c", true, "d", "down").reason()).isNull();
    }
}
