package jlab.lab;

import java.util.List;

/**
 * One step of a lab. {@code actions} is the YAML key {@code do}, {@code hints} is {@code hint} (one string or an
 * escalating list), {@code checks} is {@code check}. {@code text} is a path relative to lesson-content/, or null.
 * {@code reasonHints} are the entries {@code { when: <reason>, text: ... }} of the hint list: shown first when a
 * check of the step fails for that reason ({@link FailureReasons}).
 */
public record Step(String id, String title, String text, List<Action> actions, List<String> observe, String task,
                   List<String> hints, List<Action> solution, List<Check> checks, List<Question> quiz,
                   List<ReasonHint> reasonHints) {

    /** A hint for when a check fails for {@code when} (a reason such as {@code down} or {@code missing}). */
    public record ReasonHint(String when, String text) {}

    public Step(String id, String title, String text, List<Action> actions, List<String> observe, String task,
                List<String> hints, List<Action> solution, List<Check> checks, List<Question> quiz) {
        this(id, title, text, actions, observe, task, hints, solution, checks, quiz, List.of());
    }

    public Step {
        reasonHints = List.copyOf(reasonHints);
        actions = List.copyOf(actions);
        observe = List.copyOf(observe);
        hints = List.copyOf(hints);
        solution = List.copyOf(solution);
        checks = List.copyOf(checks);
        quiz = List.copyOf(quiz);
    }

    public boolean hasTask() {
        return task != null && !task.isBlank();
    }
}
