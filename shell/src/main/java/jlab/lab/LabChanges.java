package jlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What an author's edit changed in a lab, in one line for the learner ({@code jlab start --watch}). */
public final class LabChanges {
    private LabChanges() {}

    public static String describe(Lab before, Lab after) {
        Map<String, Step> old = before.steps().stream().collect(Collectors.toMap(Step::id, Function.identity(), (a, b) -> a));
        Map<String, Step> now = after.steps().stream().collect(Collectors.toMap(Step::id, Function.identity(), (a, b) -> a));
        List<String> parts = new ArrayList<>();
        List<String> added = after.steps().stream().map(Step::id).filter(id -> !old.containsKey(id)).toList();
        List<String> removed = before.steps().stream().map(Step::id).filter(id -> !now.containsKey(id)).toList();
        List<String> changed = after.steps().stream().map(Step::id)
                .filter(id -> old.containsKey(id) && !old.get(id).equals(now.get(id))).toList();
        if (!Objects.equals(before.title(), after.title())) parts.add("title");
        if (!changed.isEmpty()) parts.add("changed " + quoted(changed));
        if (!added.isEmpty()) parts.add("added " + quoted(added));
        if (!removed.isEmpty()) parts.add("removed " + quoted(removed));
        List<String> kept = after.steps().stream().map(Step::id).filter(old::containsKey).toList();
        List<String> keptBefore = before.steps().stream().map(Step::id).filter(now::containsKey).toList();
        if (!kept.equals(keptBefore)) parts.add("steps reordered");
        return parts.isEmpty() ? "no change to the steps" : String.join(", ", parts);
    }

    private static String quoted(List<String> ids) {
        return (ids.size() == 1 ? "step " : "steps ") + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
    }
}
