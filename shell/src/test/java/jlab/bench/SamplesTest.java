package jlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test void medianOfAnOddCountIsTheMiddleValue() {
        Samples s = Samples.of("a", List.of(9.0, 1.0, 5.0));
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.median()).isEqualTo(5.0);
        assertThat(s.max()).isEqualTo(9.0);
    }

    @Test void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Samples.of("a", List.of(4.0, 1.0, 2.0, 10.0)).median()).isEqualTo(3.0);
    }

    @Test void anUnavailableContenderHasNoFigures() {
        Samples s = Samples.unavailable("runc run", "not installed");
        assertThat(s.available()).isFalse();
        assertThatThrownBy(s::median).hasMessageContaining("not installed");
    }

    @Test void theRatioIsTheSubjectsMedianOverTheReferences() {
        var result = new Result("container", "x", 3, 0,
                List.of(Samples.of("jlab", List.of(2.0, 3.0, 4.0)), Samples.of("unshare", List.of(5.0, 6.0, 7.0))),
                Result.Target.ratioAtMost(1.0), List.of(), List.of());
        assertThat(result.ratio()).isEqualTo(0.5);
        assertThat(result.met()).isTrue();
    }

    @Test void aMissingReferenceMeansTheRatioTargetIsNotMet() {
        var result = new Result("container", "x", 1, 0,
                List.of(Samples.of("jlab", List.of(2.0)), Samples.unavailable("unshare", "not found")),
                Result.Target.ratioAtMost(1.0), List.of(), List.of());
        assertThat(result.ratio()).isNaN();
        assertThat(result.met()).isFalse();
    }

    @Test void aMissedFigureFailsAnOtherwiseMetTarget() {
        var result = new Result("startup", "x", 1, 0, List.of(Samples.of("jlab", List.of(100.0))),
                Result.Target.medianAtMost(300), List.of(new Result.Figure("rss", 200, "MB", 150)), List.of());
        assertThat(result.met()).isFalse();
    }
}
