package jlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jlab.engine.LabSession.Measured;
import jlab.engine.LabSession.QuestionKind;
import jlab.engine.LabSession.QuestionView;
import jlab.lab.Lab;
import jlab.lab.LabLoader;
import jlab.lab.LiveKey;

/**
 * Predictions, question hints and the end-of-lab quiz over a fake kernel: the live values are a map the test
 * changes while the "step runs", and the sleeper records how long jlab would wait.
 */
class LabQuizTest {
    private static final String LAB = """
            id: quizzes
            title: Quizzes
            steps:
              - id: intro
                title: Intro
                quiz:
                  - ask: "Which flag makes a UTS namespace?"
                    choices: [CLONE_NEWNS, CLONE_NEWUTS]
                    answer: CLONE_NEWUTS
                    attempts: 3
                    hint: ["UTS is about names.", "Not NS: that one is mounts."]
              - id: throttle
                title: Throttle
                do:
                  - cgroup: { controllers: [cpu] }
                quiz:
                  - ask: "How many periods throttled in 2 s?"
                    answer: { measure: cgroup.cpu.nr_throttled, seconds: 2, expect: 20, tolerance: 4, unit: periods }
                    explain: "2 s / 100 ms."
                  - ask: "And zombies after half a second?"
                    answer: { measure: container.zombies, seconds: 0.5, expect: 3 }
                  - ask: "What is 50000/100000 in %?"
                    answer: { number: 50, unit: "%" }
            quiz:
              - ask: "Does a container have its own kernel?"
                choices: ["yes", "no"]
                answer: "no"
                hint: "uname -r"
            """;

    @TempDir Path dir;
    private final Map<String, String> kernel = new HashMap<>();
    private final List<Duration> slept = new ArrayList<>();
    private Lab lab;
    private ProgressTracker progress;
    private LabQuiz quiz;
    private int saves;

    @BeforeEach
    void load() throws Exception {
        Path file = Files.writeString(dir.resolve("quizzes.yaml"), LAB);
        lab = new LabLoader(dir, LabLoader.DEFAULT_INSPECTORS).load(file);
        progress = new ProgressTracker(lab, Clock.systemUTC());
        quiz = new LabQuiz(lab, progress, () -> saves++, slept::add);
        quiz.rebuild(this::read);
        kernel.put("cgroup.cpu.nr_throttled", "7");
        kernel.put("container.zombies", "0");
    }

    private String read(LiveKey key) {
        String value = kernel.get(key.text());
        if (value == null) throw new IllegalStateException("no such value in this fake kernel: " + key.text());
        return value;
    }

    @Test
    void aPredictionIsGradedAgainstTheChangeTheStepCausedWithinItsTolerance() {
        List<QuestionView> asked = quiz.predictions(1);
        assertThat(asked).extracting(QuestionView::ask)
                .containsExactly("How many periods throttled in 2 s?", "And zombies after half a second?");
        assertThat(asked).allMatch(v -> v.kind() == QuestionKind.PREDICT && v.settled() == null);
        quiz.predict(asked.get(0), "23");
        quiz.predict(asked.get(1), "1");

        LabQuiz.Measurement measuring = quiz.measure(1);
        kernel.put("cgroup.cpu.nr_throttled", "26"); // the step ran: 7 -> 26 is 19 more
        kernel.put("container.zombies", "3");
        List<Measured> measured = measuring.finish();

        assertThat(measured).hasSize(2);
        Measured throttled = measured.get(0);
        assertThat(throttled.predicted()).isEqualTo("23");
        assertThat(throttled.grade().correct()).as("|23 - 19| <= 4").isTrue();
        assertThat(throttled.grade().expected()).isEqualTo("19 periods (right within ± 4)");
        assertThat(throttled.grade().explanation()).isEqualTo("2 s / 100 ms.");
        assertThat(throttled.what()).contains("cgroup.cpu.nr_throttled", "2 s after");
        assertThat(measured.get(1).grade().correct()).as("1 zombie predicted, 3 measured, no tolerance").isFalse();
        assertThat(slept).as("waits up to each prediction's time, shortest first")
                .hasSize(2).allMatch(d -> !d.isNegative() && d.compareTo(Duration.ofSeconds(2)) <= 0);
        assertThat(slept.get(0)).isLessThanOrEqualTo(Duration.ofMillis(500));

        assertThat(progress.answer(1, 0).answer()).isEqualTo("23");
        assertThat(progress.answer(1, 0).measured()).isEqualTo("19 periods (right within ± 4)");
        assertThat(progress.answer(1, 1).correct()).isFalse();
        assertThat(quiz.predictions(1)).as("graded once: not asked again").isEmpty();
        assertThat(quiz.views(1).get(0).settled().text()).isEqualTo("you predicted 23; the kernel measured 19 periods (right within ± 4)");
        assertThat(quiz.views(1).get(0).settled().correct()).isTrue();
        assertThat(quiz.views(1).get(2).settled()).as("a number question stays open").isNull();
        assertThat(quiz.score()).isEqualTo(new LabSession.Score(1, 1, 2, 5, 2));
        assertThat(saves).isPositive();

        // Replayed later (reset, resume): measured again, the first verdict stands and nothing is counted again.
        quiz.rebuild(this::read);
        LabQuiz.Measurement again = quiz.measure(1);
        kernel.put("cgroup.cpu.nr_throttled", "56");
        Measured replayed = again.finish().getFirst();
        assertThat(replayed.predicted()).isEqualTo("23");
        assertThat(replayed.grade().correct()).isTrue();
        assertThat(replayed.grade().expected())
                .isEqualTo("30 periods (right within ± 4); graded when you first ran the step: 19 periods (right within ± 4)");
        assertThat(progress.answer(1, 0).attempts()).isEqualTo(1);
    }

    @Test
    void anUnpredictedStepStillShowsTheMeasurementAndCountsNothing() {
        quiz.predict(quiz.predictions(1).getFirst(), null);
        LabQuiz.Measurement measuring = quiz.measure(1);
        kernel.put("cgroup.cpu.nr_throttled", "27");
        Measured m = measuring.finish().getFirst();
        assertThat(m.predicted()).isNull();
        assertThat(m.grade().correct()).isFalse();
        assertThat(m.grade().expected()).isEqualTo("20 periods (right within ± 4)");
        assertThat(progress.answer(1, 0).answered()).isFalse();
        assertThat(quiz.views(1).getFirst().settled().text()).isEqualTo("not predicted; the kernel measured 20 periods (right within ± 4)");
        assertThat(quiz.predictions(1)).as("still unanswered, so a replay may ask it again").hasSize(2);
    }

    @Test
    void aValueThatCannotBeReadIsReportedNotGraded() {
        kernel.remove("container.zombies");
        quiz.predict(quiz.predictions(1).get(1), "3");
        Measured m = quiz.measure(1).finish().get(1);
        assertThat(m.grade().correct()).isFalse();
        assertThat(m.grade().expected()).startsWith("could not be measured: no such value in this fake kernel");
        assertThat(progress.answer(1, 1).answered()).isFalse();
    }

    @Test
    void aQuestionGradedForGoodIsShownAsItWentWhenTheQuizIsTakenAgain() {
        QuestionView flag = quiz.views(0).getFirst();
        assertThat(flag.settled()).as("not answered yet").isNull();
        assertThat(quiz.answer(flag, "CLONE_NEWNS").correct()).isFalse();
        assertThat(quiz.views(0).getFirst().settled()).as("attempts left: asked again").isNull();
        assertThat(quiz.answer(flag, "CLONE_NEWUTS").correct()).isTrue();
        assertThat(quiz.views(0).getFirst().settled()).isEqualTo(new QuestionView.Settled("you answered CLONE_NEWUTS", false, true));

        QuestionView percent = quiz.views(1).get(2); // 2 attempts, both wrong
        quiz.answer(percent, "40");
        quiz.answer(percent, "60 %");
        assertThat(quiz.views(1).get(2).settled())
                .isEqualTo(new QuestionView.Settled("you answered 60 %; the answer is 50 %", false, false));
    }

    @Test
    void predictionsAreNotAnsweredLikeOtherQuestions() {
        QuestionView prediction = quiz.views(1).getFirst();
        assertThatThrownBy(() -> quiz.answer(prediction, "20")).hasMessageContaining("graded against a measurement");
        assertThatThrownBy(() -> quiz.predict(quiz.views(1).get(2), "50")).hasMessageContaining("not a prediction");
    }

    @Test
    void questionHintsEscalateAndAreSaved() {
        QuestionView q = quiz.views(0).getFirst();
        assertThat(q.hints()).isEqualTo(2);
        assertThat(quiz.answer(q, "CLONE_NEWNS").attemptsLeft()).isEqualTo(2);
        assertThat(quiz.hint(q)).isEqualTo("(1/2) UTS is about names.");
        assertThat(quiz.hint(q)).isEqualTo("(2/2) Not NS: that one is mounts.");
        assertThat(quiz.hint(q)).as("the last one again").isEqualTo("(2/2) Not NS: that one is mounts.");
        assertThat(progress.answer(0, 0).hints()).as("the last one again is no further hint used").isEqualTo(2);
        assertThat(quiz.hint(quiz.views(1).get(2))).as("no hints").isEmpty();

        // A new sandbox (reset) carries attempts and hints over from progress.
        quiz.rebuild(this::read);
        assertThat(quiz.answer(q, "CLONE_NEWNS").attemptsLeft()).isEqualTo(1);
        assertThat(quiz.hint(q)).isEqualTo("(2/2) Not NS: that one is mounts.");
    }

    @Test
    void theEndOfLabQuizIsAnsweredAndCountedApart() {
        List<QuestionView> end = quiz.views(QuestionView.END);
        assertThat(end).singleElement().satisfies(v -> {
            assertThat(v.step()).isEqualTo(QuestionView.END);
            assertThat(v.choices()).containsExactly("yes", "no");
        });
        assertThat(quiz.hint(end.getFirst())).isEqualTo("uname -r");
        assertThat(quiz.answer(end.getFirst(), "no").correct()).isTrue();
        assertThat(progress.snapshot().endQuiz()).singleElement()
                .satisfies(a -> assertThat(a.correct()).isTrue()).satisfies(a -> assertThat(a.hints()).isEqualTo(1));
        assertThat(progress.snapshot().steps().getFirst().quiz().getFirst().answered()).as("step 1 untouched").isFalse();
        assertThat(quiz.score()).isEqualTo(new LabSession.Score(1, 1, 1, 5, 2));
        assertThat(quiz.hasPredictions(1)).isTrue();
        assertThat(quiz.hasPredictions(0)).isFalse();
    }
}
