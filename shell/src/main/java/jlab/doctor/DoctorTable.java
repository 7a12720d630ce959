package jlab.doctor;

import de.vandermeer.asciitable.AsciiTable;
import de.vandermeer.asciitable.CWC_LongestLine;
import de.vandermeer.skb.interfaces.render.HasText;
import de.vandermeer.skb.interfaces.transformers.textformat.TextAlignment;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders findings as a table (check, status, found, what to do), the status optionally in colour. */
final class DoctorTable {

    /** The status is the second cell: after the left border, the check cell and the next border. */
    private static final Pattern STATUS_CELL = Pattern.compile("^(│[^│]*│ )(OK|WARN|FAIL)\\b", Pattern.MULTILINE);

    private DoctorTable() {
    }

    /**
     * Cells are {@link HasText}, not Strings: for a String, AsciiTable's Object_To_StrBuilder first tests
     * {@code instanceof org.stringtemplate.v4.ST}, and the pom excludes ST4, so that would throw
     * NoClassDefFoundError.
     */
    private record Cell(String text) implements HasText {
        @Override
        public String getText() {
            return text;
        }
    }

    static String render(List<Finding> findings, boolean color) {
        AsciiTable table = new AsciiTable();
        table.addRule();
        table.addRow(cells("check", "status", "found", "what to do"));
        table.addRule();
        for (Finding f : findings) {
            table.addRow(cells(f.check(), f.status().name(), f.found(), f.whatToDo()));
        }
        table.addRule();
        // Widths include one space of padding on each side; longer text wraps inside its cell.
        table.getRenderer().setCWC(new CWC_LongestLine().add(6, 24).add(8, 8).add(7, 44).add(12, 34));
        table.setPaddingLeftRight(1);
        table.setTextAlignment(TextAlignment.LEFT);
        String text = table.render() + "\n" + summary(findings) + "\n";
        return color ? colorStatuses(text) : text;
    }

    private static Object[] cells(String... texts) {
        Object[] cells = new Object[texts.length];
        for (int i = 0; i < texts.length; i++) cells[i] = new Cell(texts[i]);
        return cells;
    }

    /** Colours after rendering, so the escape codes never count towards the column widths. */
    private static String colorStatuses(String rendered) {
        return STATUS_CELL.matcher(rendered).replaceAll(m ->
                Matcher.quoteReplacement(m.group(1) + Status.valueOf(m.group(2)).colored()));
    }

    static String summary(List<Finding> findings) {
        var counts = findings.stream().collect(Collectors.groupingBy(Finding::status, Collectors.counting()));
        long warnings = counts.getOrDefault(Status.WARN, 0L);
        long failures = counts.getOrDefault(Status.FAIL, 0L);
        if (warnings == 0 && failures == 0) return "All " + findings.size() + " checks passed.";
        return plural(failures, "failure") + ", " + plural(warnings, "warning")
                + (failures > 0 ? ": the labs cannot run until the failures are fixed." : ".");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
