package jlab.lab;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the problems of one file; the same problem found twice (e.g. on a retry) is kept once. */
final class Problems {
    private final Set<LabProblem> found = new LinkedHashSet<>();

    void add(LabProblem problem) {
        found.add(problem);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** In file order, so the author can work from the top. */
    List<LabProblem> sorted() {
        return found.stream()
                .sorted(Comparator.comparingInt(LabProblem::line).thenComparingInt(LabProblem::column))
                .toList();
    }
}
