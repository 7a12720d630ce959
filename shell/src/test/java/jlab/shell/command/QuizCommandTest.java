package jlab.shell.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.engine.LabSession.QuestionKind;
import jlab.engine.LabSession.QuestionView;
import jlab.shell.ShellException;

class QuizCommandTest {
    private static final QuestionView ORDER = new QuestionView(0, 0, "Order?", QuestionKind.ORDER,
            List.of("exit", "fork", "wait (reap)", "exec"), false, 0, null);

    @Test
    void anOrderIsSentAsTheChoicesTextsOneALine() {
        assertThat(QuizCommand.normalize(ORDER, "2,4,1,3")).isEqualTo("fork\nexec\nexit\nwait (reap)");
        assertThat(QuizCommand.normalize(ORDER, "Fork 4 exit wait (reap)")).isEqualTo("fork\nexec\nexit\nwait (reap)");
    }

    @Test
    void aChoiceMayBeTypedAsTheListShowsIt() {
        QuestionView q = new QuestionView(0, 0, "Which?", QuestionKind.CHOICE, List.of("a", "b", "c"), false, 0, null);
        assertThat(QuizCommand.normalize(q, "2)")).isEqualTo("b");
        assertThat(QuizCommand.normalize(q, "3.")).isEqualTo("c");
        assertThatThrownBy(() -> QuizCommand.normalize(q, "4)")).isInstanceOf(ShellException.class);
        QuestionView number = new QuestionView(0, 0, "How many?", QuestionKind.NUMBER, List.of(), false, 0, null);
        assertThat(QuizCommand.normalize(number, "six")).isEqualTo("six");
        assertThatThrownBy(() -> QuizCommand.normalize(number, "a few")).as("costs no attempt")
                .isInstanceOf(ShellException.class).hasMessage("type a number (a unit after it is fine), or `skip`");
    }

    @Test
    void anIncompleteOrUnknownOrderIsRefusedWithoutCostingAnAttempt() {
        assertThatThrownBy(() -> QuizCommand.normalize(ORDER, "2 4 1")).isInstanceOf(ShellException.class)
                .hasMessage("name each of the 4 choices once, in order: e.g. 2,1,3,4");
        assertThatThrownBy(() -> QuizCommand.normalize(ORDER, "2 4 4 1")).isInstanceOf(ShellException.class)
                .hasMessageContaining("each of the 4 choices once");
        assertThatThrownBy(() -> QuizCommand.normalize(ORDER, "2 4 1 spawn")).isInstanceOf(ShellException.class)
                .hasMessage("'spawn' is not one of the choices: type their numbers (1 to 4) or texts, in order");
    }
}
