package jlab.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lab, loaded from {@code source} ({@code labs/<id>.yaml}) and validated. {@code vars} are the values drawn
 * for this session (already substituted into the steps; lesson texts are expanded when shown). {@code quiz} is the
 * end-of-lab quiz (may be empty).
 */
public record Lab(String id, String title, String summary, Requires requires, SandboxSpec sandbox, List<Step> steps,
                  Path source, Map<String, String> vars, List<Question> quiz) {

    public Lab(String id, String title, String summary, Requires requires, SandboxSpec sandbox, List<Step> steps,
               Path source, Map<String, String> vars) {
        this(id, title, summary, requires, sandbox, steps, source, vars, List.of());
    }

    public Lab(String id, String title, String summary, Requires requires, SandboxSpec sandbox, List<Step> steps,
               Path source) {
        this(id, title, summary, requires, sandbox, steps, source, Map.of());
    }

    public Lab {
        vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        summary = summary == null ? "" : summary;
        requires = requires == null ? Requires.NONE : requires;
        sandbox = sandbox == null ? SandboxSpec.DEFAULT : sandbox;
        steps = List.copyOf(steps);
        quiz = quiz == null ? List.of() : List.copyOf(quiz);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** 0-based index of the step with that id, or -1. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) return i;
        }
        return -1;
    }
}
