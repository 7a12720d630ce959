package jlab.shell;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.lang3.text.StrBuilder;

import de.vandermeer.asciitable.AsciiTable;
import de.vandermeer.asciitable.CWC_LongestLine;
import de.vandermeer.asciithemes.a7.A7_Grids;
import de.vandermeer.asciithemes.u8.U8_Grids;
import de.vandermeer.skb.interfaces.render.DoesRenderToWidth;
import de.vandermeer.skb.interfaces.render.HasText;
import de.vandermeer.skb.interfaces.transformers.textformat.TextFormat;
import de.vandermeer.skb.interfaces.transformers.textformat.Text_To_FormattedText;
import de.vandermeer.skb.interfaces.transformers.textformat.TextAlignment;
import jlab.inspect.Annotation;

/**
 * Draws an {@link Annotation} as a table with a leading marker column ({@code +} added, {@code -} removed,
 * {@code ~} changed, blank same), rows coloured green/red/yellow, then its notes. Cells too wide for the
 * terminal wrap inside their column.
 */
public final class AnnotationRenderer {

    /**
     * Stands for "same" in the marker column while AsciiTable lays the table out, so that a line whose
     * marker is blank can only be the wrapped continuation of the row above; replaced by a space after.
     */
    private static final char SAME = '\uE000';
    /** Border, padding: the marker sits at this column of every rendered row. */
    private static final int MARKER_COLUMN = 2;

    private final Style style;
    private final int width;

    public AnnotationRenderer(Style style, int width) {
        this.style = style;
        this.width = Math.max(20, width);
    }

    /** Title, table, figure (in ASCII on a terminal without Unicode) and notes. */
    public List<String> render(Annotation a) {
        List<String> out = new ArrayList<>();
        out.add(style.bold(a.title()));
        out.addAll(table(a));
        for (String line : a.figure()) out.add(style.unicode() ? line : jlab.inspect.BoxDrawing.ascii(line));
        for (String note : a.notes()) {
            out.addAll(new MarkdownRenderer(style, width).lines("- " + note));
        }
        return out;
    }

    /** One line for a table where nothing changed. */
    public String folded(Annotation a) {
        return style.bold(a.title()) + style.dim(": no change");
    }

    List<String> table(Annotation a) {
        return table(a, true);
    }

    /**
     * {@code laidOut}: a table whose cells are all one plain line that fits is drawn directly (see
     * {@link #simpleTable}), other cells lay out their own line when they can (see {@link Cell}); false
     * for tests, which compare both with AsciiTable's own layout.
     */
    List<String> table(Annotation a, boolean laidOut) {
        int columns = a.columns().size();
        if (columns == 0) return List.of();
        int[] widths = columnWidths(a);
        if (laidOut && fits(a, widths)) return colour(simpleTable(a, widths));
        AsciiTable t = new AsciiTable();
        t.addRule();
        t.addRow(cells(String.valueOf(SAME), a.columns(), widths, laidOut));
        // two rules in a row come out as a line of '+' corners: an empty table has only the outer ones
        if (!a.rows().isEmpty()) t.addRule();
        for (Annotation.Row row : a.rows()) {
            t.addRow(cells(marker(row.change()), row.cells(), widths, laidOut));
        }
        t.addRule();
        t.setPaddingLeftRight(1);
        t.setTextAlignment(TextAlignment.LEFT);
        t.getContext().setGrid(style.unicode() ? U8_Grids.borderLight() : A7_Grids.minusBarPlus());
        CWC_LongestLine cwc = new CWC_LongestLine();
        cwc.add(3, 3);
        for (int w : widths) cwc.add(3, w + 2);
        t.getRenderer().setCWC(cwc);
        return colour(t.renderAsCollection(width));
    }

    /** Whether {@link #table} draws {@code a} itself rather than through AsciiTable. */
    boolean drawsDirectly(Annotation a) {
        return !a.columns().isEmpty() && fits(a, columnWidths(a));
    }

    /** True when every cell, the header's included, is one plain line no wider than its column. */
    private static boolean fits(Annotation a, int[] widths) {
        if (!fits(a.columns(), widths)) return false;
        for (Annotation.Row row : a.rows()) {
            if (!fits(row.cells(), widths)) return false;
        }
        return true;
    }

    private static boolean fits(List<String> cells, int[] widths) {
        if (cells.size() != widths.length) return false;
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            if (cell == null || cell.length() > widths[i] || cell.indexOf(SAME) >= 0 || !Cell.plain(cell)) return false;
        }
        return true;
    }

    /**
     * Draws a table of plain cells that fit as AsciiTable draws it (the test compares them line by line),
     * without AsciiTable: its grid builder boxes every character of the table into a list and looks each
     * border up in a map, and its column widths run a regular expression over every cell; for the cgroup
     * table, drawn after every step because its counters move, that was most of a step's cost.
     */
    private List<String> simpleTable(Annotation a, int[] widths) {
        Frame f = style.unicode() ? Frame.LIGHT : Frame.ASCII;
        List<String> lines = new ArrayList<>(a.rows().size() + 4);
        lines.add(rule(f.horizontal(), f.topLeft(), f.topMid(), f.topRight(), widths));
        lines.add(row(f.vertical(), SAME, a.columns(), widths));
        if (!a.rows().isEmpty()) lines.add(rule(f.horizontal(), f.midLeft(), f.cross(), f.midRight(), widths));
        for (Annotation.Row r : a.rows()) lines.add(row(f.vertical(), marker(r.change()).charAt(0), r.cells(), widths));
        lines.add(rule(f.horizontal(), f.bottomLeft(), f.bottomMid(), f.bottomRight(), widths));
        return lines;
    }

    /** The characters of a light box-drawing or an ASCII grid, as AsciiTable's themes draw them. */
    private record Frame(char horizontal, char vertical, char topLeft, char topMid, char topRight, char midLeft,
                         char cross, char midRight, char bottomLeft, char bottomMid, char bottomRight) {
        static final Frame LIGHT = new Frame('─', '│', '┌', '┬', '┐', '├', '┼', '┤', '└', '┴', '┘');
        static final Frame ASCII = new Frame('-', '|', '+', '+', '+', '+', '+', '+', '+', '+', '+');
    }

    /** A rule: the marker column, then each column with its padding of one space each side. */
    private static String rule(char horizontal, char left, char mid, char right, int[] widths) {
        StringBuilder b = new StringBuilder().append(left).repeat(horizontal, 3);
        for (int w : widths) b.append(mid).repeat(horizontal, w + 2);
        return b.append(right).toString();
    }

    private static String row(char vertical, char marker, List<String> cells, int[] widths) {
        StringBuilder b = new StringBuilder().append(vertical).append(' ').append(marker).append(' ');
        for (int i = 0; i < widths.length; i++) {
            String cell = cells.get(i);
            b.append(vertical).append(' ').append(cell).repeat(' ', widths[i] - cell.length() + 1);
        }
        return b.append(vertical).toString();
    }

    private static String marker(Annotation.Change change) {
        return switch (change) {
            case ADDED -> "+";
            case REMOVED -> "-";
            case CHANGED -> "~";
            case SAME -> String.valueOf(SAME);
        };
    }

    /**
     * Cells go in as {@link HasText}: for a plain String AsciiTable 0.3.2 probes for StringTemplate's
     * {@code ST} class, which the build leaves out, and fails with NoClassDefFoundError. A word too long
     * for its column is broken by {@link Cell} even when AsciiTable lays out the rest ({@code laidOut} false),
     * as AsciiTable would cut it anywhere.
     */
    private static Object[] cells(String marker, List<String> values, int[] widths, boolean laidOut) {
        Object[] cells = new Object[widths.length + 1];
        cells[0] = laidOut ? new Cell(marker) : text(marker);
        for (int i = 0; i < widths.length; i++) {
            String cell = cell(values, i);
            cells[i + 1] = laidOut || ColumnWidths.longestWord(cell, false) > widths[i] ? new Cell(cell) : text(cell);
        }
        return cells;
    }

    /** The {@code i}th cell as it is drawn: blank when missing, tabs as spaces. */
    private static String cell(List<String> values, int i) {
        String v = i < values.size() && values.get(i) != null ? values.get(i) : "";
        return v.replace('\t', ' ').replace(SAME, ' ');
    }

    private static HasText text(String s) {
        return () -> s;
    }

    /**
     * A cell that lays out its own line when its text is one plain line that fits the column: padding,
     * text, spaces to the column's width, exactly what AsciiTable's word wrapper makes of it (which costs
     * more than the rest of a table together: regular expressions and string builders for every cell).
     * A word longer than the column breaks after a separator ({@link LineBreaker}) where AsciiTable's
     * wrapper would cut it anywhere; any other text goes through that wrapper as before. Column widths
     * still come from {@link #getText}.
     */
    record Cell(String text) implements HasText, DoesRenderToWidth {
        @Override public String getText() {
            return text;
        }

        /** {@code width} is the column's width without its padding of one space each side. */
        @Override public String render(int width) {
            if (plain(text) && text.length() <= width) {
                return " " + text + " ".repeat(width - text.length()) + " ";
            }
            StringBuilder out = new StringBuilder();
            if (ColumnWidths.longestWord(text, false) > width) {
                for (String line : LineBreaker.wrap(ColumnWidths.words(text), width, "", LineBreaker.Breaks.WORDS)) {
                    if (!out.isEmpty()) out.append('\n');
                    out.append(' ').append(line).repeat(' ', width - line.length()).append(' ');
                }
                return out.toString();
            }
            for (StrBuilder line : Text_To_FormattedText.create(width, TextAlignment.LEFT.getMapping(),
                    TextFormat.NONE.getMapping(), null, null, null, 0, 0, null, 0, 0, null)
                    .transform(text.replaceAll("\\s+", " "))) {
                if (!out.isEmpty()) out.append('\n');
                out.append(' ').append(line).append(' ');
            }
            return out.toString();
        }

        /** Not blank, no whitespace but single spaces between words, nothing the wrapper treats as markup. */
        static boolean plain(String s) {
            if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') return false;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ' ? s.charAt(i + 1) == ' ' : Character.isWhitespace(c) || Character.isSpaceChar(c)
                        || c == '<' || c == '&' || Character.isISOControl(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Each column's text width (without padding): see {@link ColumnWidths}. */
    private int[] columnWidths(Annotation a) {
        int columns = a.columns().size();
        List<List<String>> cells = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            List<String> column = new ArrayList<>(a.rows().size() + 1);
            column.add(cell(a.columns(), c));
            for (Annotation.Row row : a.rows()) column.add(cell(row.cells(), c));
            cells.add(column);
        }
        // borders: columns + 2; padding: 2 per column; the marker column holds 1 char
        return ColumnWidths.of(cells, Math.max(columns, width - (columns + 2) - 2 * (columns + 1) - 1));
    }

    /** Replaces the "same" stand-ins and colours each row by its marker, continuation lines included. */
    private List<String> colour(java.util.Collection<String> rendered) {
        List<String> out = new ArrayList<>();
        int rules = 0;
        char current = ' ';
        for (String line : rendered) {
            boolean row = line.length() > MARKER_COLUMN + 1 && (line.charAt(0) == '│' || line.charAt(0) == '|');
            if (!row) {
                rules++;
                out.add(line);
                continue;
            }
            char marker = line.charAt(MARKER_COLUMN);
            if (marker != ' ') current = marker;
            String plain = line.replace(SAME, ' ');
            out.add(rules == 1 ? paint(plain, style::bold) : paint(plain, look(current)));
        }
        return out;
    }

    private java.util.function.UnaryOperator<String> look(char marker) {
        return switch (marker) {
            case '+' -> style::green;
            case '-' -> style::red;
            case '~' -> style::yellow;
            default -> s -> s;
        };
    }

    /** Colours what lies between the outer borders, so the frame keeps the terminal's colour. */
    private static String paint(String line, java.util.function.UnaryOperator<String> look) {
        int last = line.length() - 1;
        return line.charAt(0) + look.apply(line.substring(1, last)) + line.charAt(last);
    }
}
