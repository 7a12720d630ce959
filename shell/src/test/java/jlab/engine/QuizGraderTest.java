package jlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.lab.Question;

class QuizGraderTest {
    private final QuizGrader grader = new QuizGrader(null);

    @Test
    void singleChoiceByNumberOrTextRevealingOnlyWhenDone() {
        var q = new Question.SingleChoice("Which flag?", List.of("CLONE_NEWNS", "CLONE_NEWUTS"), "CLONE_NEWUTS", "UTS.", 2);
        var wrong = grader.grade(q, "1");
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.attemptsLeft()).isEqualTo(1);
        assertThat(wrong.expected()).isEmpty();
        var right = grader.grade(q, "clone_newuts");
        assertThat(right.correct()).isTrue();
        assertThat(right.expected()).isEqualTo("CLONE_NEWUTS");
        assertThat(right.explanation()).isEqualTo("UTS.");
    }

    @Test
    void multipleChoiceAcceptsChoiceTextsWithSpacesOneALineOrNumbers() {
        var choices = List.of("a user namespace", "cgroup limits", "pivot_root");
        var q = new Question.MultipleChoice("Which?", choices, List.of("a user namespace", "cgroup limits"), "", 2);
        assertThat(grader.grade(q, "a user namespace\ncgroup limits").correct()).isTrue();
        var q2 = new Question.MultipleChoice("Which?", choices, List.of("a user namespace", "cgroup limits"), "", 2);
        assertThat(grader.grade(q2, "1, 3").correct()).isFalse();
        assertThat(grader.grade(q2, "2 1").correct()).isTrue();
    }

    @Test
    void numbersWithUnitsAndTolerance() {
        var q = new Question.NumberQuestion("cpu.max 50000 100000?", 50, 1, "%", "", 3);
        assertThat(grader.grade(q, "52%").correct()).isFalse();
        assertThat(grader.grade(q, "50.5 %").correct()).isTrue();
    }

    @Test
    void attemptsRunOutAndThenTheAnswerIsShown() {
        var q = new Question.TextQuestion("Which link?", "^pid_for_children$", "", 1);
        var last = grader.grade(q, "pid");
        assertThat(last.correct()).isFalse();
        assertThat(last.attemptsLeft()).isZero();
        assertThat(last.expected()).contains("pid_for_children");
        assertThat(grader.grade(q, "pid_for_children").correct()).as("no attempts left").isFalse();
    }
}
