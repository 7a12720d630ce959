package jlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.lab.NumberAnswer;
import jlab.lab.Question;

class QuizGraderTest {
    private final QuizGrader grader = new QuizGrader(null);

    @Test
    void singleChoiceByNumberOrTextRevealingOnlyWhenDone() {
        var q = new Question.SingleChoice("Which flag?", List.of("CLONE_NEWNS", "CLONE_NEWUTS"), "CLONE_NEWUTS", "UTS.", 2, List.of());
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
        var q = new Question.MultipleChoice("Which?", choices, List.of("a user namespace", "cgroup limits"), "", 2, List.of());
        assertThat(grader.grade(q, "a user namespace\ncgroup limits").correct()).isTrue();
        var q2 = new Question.MultipleChoice("Which?", choices, List.of("a user namespace", "cgroup limits"), "", 2, List.of());
        assertThat(grader.grade(q2, "1, 3").correct()).isFalse();
        assertThat(grader.grade(q2, "2 1").correct()).isTrue();
    }

    @Test
    void orderingIsRightOnlyInExactlyTheDeclaredOrderByNumberOrText() {
        var choices = List.of("exit", "fork", "wait (reap)", "exec");
        var order = List.of("fork", "exec", "exit", "wait (reap)");
        assertThat(new Question.Ordering("?", choices, order, "", 1, List.of()).accepts("2,4,1,3")).isTrue();
        assertThat(new Question.Ordering("?", choices, order, "", 1, List.of()).accepts("2 4 1 3")).isTrue();
        assertThat(new Question.Ordering("?", choices, order, "", 1, List.of()).accepts("FORK exec, exit  wait (reap)")).isTrue();
        assertThat(new Question.Ordering("?", choices, order, "", 1, List.of()).accepts("fork\nexec\nexit\nwait (reap)")).isTrue();
        assertThat(new Question.Ordering("?", choices, order, "", 1, List.of()).accepts("2 4 3 1")).as("two swapped").isFalse();
        assertThat(new Question.Ordering("?", choices, order, "", 1, List.of()).accepts("2 4 1")).as("one left out").isFalse();
        assertThat(new Question.Ordering("?", choices, order, "", 1, List.of()).accepts("2 4 1 3 3")).as("one repeated").isFalse();
        assertThat(new Question.Ordering("?", choices, order, "", 1, List.of()).accepts("fork exec exit wait"))
                .as("'wait' is not the choice 'wait (reap)'").isFalse();
        assertThat(Question.Ordering.named(choices, "4, wait (reap) ,9 spawn"))
                .containsExactly("exec", "wait (reap)", "9", "spawn");

        var q = new Question.Ordering("Lifecycle?", choices, order, "fork first.", 2, List.of());
        var wrong = grader.grade(q, "1 2 3 4");
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.attemptsLeft()).isEqualTo(1);
        assertThat(wrong.expected()).isEmpty();
        var right = grader.grade(q, "2,4,1,3");
        assertThat(right.correct()).isTrue();
        assertThat(right.expected()).isEqualTo("(1) fork (2) exec (3) exit (4) wait (reap)");
        assertThat(right.explanation()).isEqualTo("fork first.");
        assertThat(QuizGrader.view(0, 0, q, null).choices()).isEqualTo(choices);
        assertThat(LabLinter.rightAnswer(q)).as("what lint types").isEqualTo("2 4 1 3");
        assertThat(new Question.Ordering("?", choices, order, "", 1, List.of()).accepts(LabLinter.rightAnswer(q))).isTrue();
    }

    @Test
    void aLiveCounterIsRightAnywhereBetweenItsValueWhenShownAndNowWithinItsTolerance() {
        var value = new java.util.concurrent.atomic.AtomicReference<>("120");
        var live = new QuizGrader(key -> value.get());
        var throttled = new jlab.lab.LiveKey(jlab.lab.LiveKey.Kind.CGROUP_VALUE, null, "cpu.nr_throttled");
        var q = new Question.LiveQuestion("nr_throttled so far?", throttled, 2, "", 3, List.of());
        live.shown(q);
        value.set("180"); // the loop went on being throttled while the learner looked
        assertThat(live.grade(q, "117").correct()).as("before it was shown, beyond the tolerance").isFalse();
        assertThat(live.grade(q, "150 periods").correct()).as("read between showing and answering").isTrue();
        var again = new Question.LiveQuestion("nr_throttled so far?", throttled, 0, "", 1, List.of());
        live.shown(again);
        value.set("190");
        var wrong = live.grade(again, "200");
        assertThat(wrong.correct()).isFalse();
        assertThat(wrong.expected()).isEqualTo("180 to 190 (cgroup.cpu.nr_throttled, from when the question was shown to now)");
        assertThat(live.grade(new Question.LiveQuestion("?", throttled, 0, "", 1, List.of()), "190").correct())
                .as("never shown: its value now").isTrue();
    }

    @Test
    void anExactLiveValueTakesAnInodeAsReadlinkPrintsItAndAHostnameInAnyCase() {
        var net = new jlab.lab.LiveKey(jlab.lab.LiveKey.Kind.CONTAINER_NS_INODE, jlab.kernel.Namespace.NET);
        var inode = new QuizGrader(key -> "4026532290");
        assertThat(inode.grade(new Question.LiveQuestion("?", net, 0, "", 1, List.of()), "net:[4026532290]").correct()).isTrue();
        assertThat(inode.grade(new Question.LiveQuestion("?", net, 0, "", 1, List.of()), " 4026532290 ").correct()).isTrue();
        assertThat(inode.grade(new Question.LiveQuestion("?", net, 0, "", 1, List.of()), "4026532291").correct()).isFalse();
        assertThat(inode.grade(new Question.LiveQuestion("?", net, 0, "", 1, List.of()), "net:4026532290x").correct()).isFalse();
        var name = new jlab.lab.LiveKey(jlab.lab.LiveKey.Kind.CONTAINER_HOSTNAME, null);
        var hostname = new QuizGrader(key -> "Otter");
        assertThat(hostname.grade(new Question.LiveQuestion("?", name, 0, "", 1, List.of()), "otter").correct()).isTrue();
        var version = new jlab.lab.LiveKey(jlab.lab.LiveKey.Kind.CGROUP_VERSION, null);
        assertThat(new QuizGrader(key -> "1").grade(new Question.LiveQuestion("?", version, 0, "", 1, List.of()), "v1").correct())
                .as("v1 as jlab itself writes it").isTrue();
        assertThat(QuizGrader.liveNumber("4026531840]")).isEmpty();
        assertThatThrownBy(() -> new Question.LiveQuestion("?", name, 1, "", 1, List.of()))
                .as("only a counter has a tolerance").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNumberIsReadFromTheStartOfTheAnswerWhateverUnitFollowsOrAsAWord() {
        assertThat(NumberAnswer.parse("11 devices")).hasValue(11); // 'e' in a unit is no exponent
        assertThat(NumberAnswer.parse("50%")).hasValue(50);
        assertThat(NumberAnswer.parse(" 1 (lo)")).hasValue(1);
        assertThat(NumberAnswer.parse("0.5 CPUs")).hasValue(0.5);
        assertThat(NumberAnswer.parse("2e3")).hasValue(2000);
        assertThat(NumberAnswer.parse("-3")).hasValue(-3);
        assertThat(NumberAnswer.parse("one")).hasValue(1);
        assertThat(NumberAnswer.parse("Eight namespaces")).hasValue(8);
        assertThat(NumberAnswer.parse("a few")).isEmpty();
        assertThat(NumberAnswer.parse("1.2.3")).isEmpty();
        assertThat(NumberAnswer.parse("150000 100000")).as("a quota typed as cpu.max shows it").hasValue(150000);
        var q = new Question.NumberQuestion("Ten containers, how many devices?", 11, 0, "devices", "", 2, List.of());
        assertThat(grader.grade(q, "11 devices").correct()).isTrue();
    }

    @Test
    void numbersWithUnitsAndTolerance() {
        var q = new Question.NumberQuestion("cpu.max 50000 100000?", 50, 1, "%", "", 3, List.of());
        assertThat(grader.grade(q, "52%").correct()).isFalse();
        assertThat(grader.grade(q, "50.5 %").correct()).isTrue();
    }

    @Test
    void attemptsRunOutAndThenTheAnswerIsShown() {
        var q = new Question.TextQuestion("Which link?", "^pid_for_children$", null, "", 1, List.of());
        var last = grader.grade(q, "pid");
        assertThat(last.correct()).isFalse();
        assertThat(last.attemptsLeft()).isZero();
        assertThat(last.expected()).contains("pid_for_children");
        assertThat(grader.grade(q, "pid_for_children").correct()).as("no attempts left").isFalse();
    }
}
