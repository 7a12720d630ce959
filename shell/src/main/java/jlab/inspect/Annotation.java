package jlab.inspect;

import java.util.List;

/**
 * What an inspector shows the learner after a step: a titled table whose rows say how the kernel state
 * changed (the before/after diff of two snapshots), plus short notes ("pid_for_children changed: your
 * next child starts a new pid namespace") and optionally a figure: lines drawn with box-drawing characters
 * (see {@link BoxDrawing}), such as the network diagram. The shell renders it; inspectors never print.
 */
public record Annotation(String title, List<String> columns, List<Row> rows, List<String> notes, List<String> figure) {

    public enum Change { SAME, ADDED, REMOVED, CHANGED }

    /** One row; {@code cells} line up with the columns. */
    public record Row(Change change, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public static Row of(Change change, String... cells) {
            return new Row(change, List.of(cells));
        }
    }

    public Annotation {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
        figure = List.copyOf(figure);
    }

    /** Without a figure. */
    public Annotation(String title, List<String> columns, List<Row> rows, List<String> notes) {
        this(title, columns, rows, notes, List.of());
    }

    /** True when no row changed: the shell may fold such a table to one line. */
    public boolean unchanged() {
        return rows.stream().allMatch(r -> r.change() == Change.SAME);
    }
}
