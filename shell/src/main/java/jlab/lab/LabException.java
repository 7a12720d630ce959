package jlab.lab;

import java.util.List;
import java.util.stream.Collectors;

/** A lab that cannot be used, with every problem found in it (never empty). */
public final class LabException extends Exception {
    private final transient List<LabProblem> problems;

    public LabException(List<LabProblem> problems) {
        super(null, null, false, false);
        if (problems.isEmpty()) throw new IllegalArgumentException("a LabException needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    public List<LabProblem> problems() {
        return problems;
    }

    /** All problems, each with its excerpt and caret, separated by blank lines. */
    public String render() {
        return problems.stream().map(LabProblem::render).collect(Collectors.joining("\n\n"));
    }

    @Override public String getMessage() {
        return render();
    }
}
