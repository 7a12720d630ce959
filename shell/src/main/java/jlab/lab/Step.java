package jlab.lab;

import java.util.List;

/**
 * One step of a lab. {@code actions} is the YAML key {@code do}, {@code hints} is {@code hint} (one string or an
 * escalating list), {@code checks} is {@code check}. {@code text} is a path relative to lesson-content/, or null.
 */
public record Step(String id, String title, String text, List<Action> actions, List<String> observe, String task,
                   List<String> hints, List<Action> solution, List<Check> checks, List<Question> quiz) {

    public Step {
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
