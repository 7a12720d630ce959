package jlab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks one line that is too wide into lines that fit, before the terminal does it mid-word at column 0:
 * continuation lines start with a hanging indent. Each line ends at the best break it has room for (the last
 * of the best kind), and a word is cut only when no break fits. ANSI colours survive: a line that ends inside
 * a coloured span is reset, and the next one takes the colour up again after its indent. Table cells use
 * it too, without indent.
 */
public final class LineBreaker {

    /** Which breaks a line prefers. */
    public enum Breaks {
        /** At spaces; a word longer than the line breaks after {@code , / : |}. */
        WORDS,
        /**
         * A syscall as strace prints it: after an argument's {@code ", "} or a flag's {@code |}, then at other
         * spaces of the arguments; {@code = 0 (pid 12735)} stays on the line of its closing parenthesis.
         */
        CALL
    }

    /** Where a word may break when it does not fit a line of its own. */
    static final String SEPARATORS = ",/:|";

    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final String RESET = "\u001b[0m";
    private static final int NONE = Integer.MAX_VALUE;

    private LineBreaker() {}

    /**
     * {@code line} as lines of at most {@code width} visible columns, continuation lines starting with
     * {@code indent}; {@code line} alone when it fits or {@code width} is 0 (unknown: the line is left whole).
     */
    public static List<String> wrap(String line, int width, String indent, Breaks breaks) {
        boolean styled = line.indexOf('\u001b') >= 0;
        String text = styled ? Style.stripAnsi(line) : line;
        if (width <= 0 || text.length() <= width) return List.of(line);
        List<int[]> spans = spans(text, width, Style.visibleLength(indent), breaks);
        if (!styled) {
            List<String> out = new ArrayList<>(spans.size());
            for (int[] span : spans) out.add((out.isEmpty() ? "" : indent) + text.substring(span[0], span[1]));
            return out;
        }
        return cut(line, spans, indent);
    }

    /** How many lines {@link #wrap} makes of a plain {@code text} without indent, without making them. */
    static int count(String text, int width) {
        return width <= 0 || text.length() <= width ? 1 : spans(text, width, 0, Breaks.WORDS).size();
    }

    /** Visible {@code [from, to)} of each line. */
    private static List<int[]> spans(String text, int width, int indentWidth, Breaks breaks) {
        List<int[]> spans = new ArrayList<>();
        int start = 0;
        int room = width;
        int tail = breaks == Breaks.CALL ? resultTail(text) : text.length();
        while (text.length() - start > room) {
            int end = start + room;
            int cut = lastBreak(text, start, end, tail, breaks);
            if (cut == NONE) cut = end;
            spans.add(new int[] {start, cut});
            start = cut;
            while (start < text.length() && text.charAt(start) == ' ') start++;
            room = Math.max(1, width - indentWidth);
        }
        if (start < text.length()) spans.add(new int[] {start, text.length()});
        return spans;
    }

    /**
     * The end of the line for the text from {@code start}, no later than {@code end}: the last break of the
     * best kind there is, or {@link #NONE}. A break at {@code i} means the line keeps {@code [start, i)}.
     */
    private static int lastBreak(String text, int start, int end, int tail, Breaks breaks) {
        int first = start;
        while (first < end && text.charAt(first) == ' ') first++; // a line's own leading blanks never end it
        int best = NONE, bestRank = NONE;
        for (int i = Math.min(end, text.length() - 1); i > first; i--) {
            int rank = rank(text, i, tail, breaks);
            if (rank < bestRank) {
                best = i;
                bestRank = rank;
                if (rank == 0) break;
            }
        }
        return best;
    }

    /** 0 for the best kind of break before {@code i}, higher for worse ones, {@link #NONE} for none. */
    private static int rank(String text, int i, int tail, Breaks breaks) {
        char c = text.charAt(i), before = text.charAt(i - 1);
        boolean space = c == ' ' && before != ' ';
        boolean separator = c != ' ' && SEPARATORS.indexOf(before) >= 0;
        return switch (breaks) {
            case WORDS -> space ? 0 : separator ? 1 : NONE;
            case CALL -> {
                if (i >= tail) yield space || separator ? 3 : NONE;
                if ((space && before == ',') || (c != ' ' && before == '|')) yield 0;
                yield space ? 1 : separator ? 2 : NONE;
            }
        };
    }

    /** Where {@code " = result"} starts after the call's closing parenthesis; the end when there is none. */
    private static int resultTail(String text) {
        int at = text.lastIndexOf(") = ");
        return at < 0 ? text.length() : at + 1;
    }

    /**
     * The lines for {@code spans} (visible {@code [from, to)}; the blanks between two spans are dropped). Escapes
     * go with the next visible character, so the colours in force where a line breaks are reset at its end
     * and set again after the next line's indent.
     */
    private static List<String> cut(String line, List<int[]> spans, String indent) {
        List<String> out = new ArrayList<>(spans.size());
        List<String> shown = new ArrayList<>();   // colours in force in the line being built
        List<String> pending = new ArrayList<>(); // escapes read but not yet written
        StringBuilder b = new StringBuilder();
        Matcher m = SGR.matcher(line);
        int span = 0, v = 0, i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == '\u001b' && m.find(i) && m.start() == i) {
                pending.add(m.group());
                i = m.end();
                continue;
            }
            if (span < spans.size() - 1 && v == spans.get(span)[1]) {
                if (!shown.isEmpty()) b.append(RESET);
                out.add(b.toString());
                span++;
                pending.forEach(e -> track(shown, e));
                pending.clear();
                b = new StringBuilder(indent).append(String.join("", shown));
            }
            int[] current = spans.get(span);
            boolean dropped = v < current[0] || v >= current[1]; // a blank where a line broke, or after the last
            v++;
            if (dropped) {
                i++;
                continue;
            }
            pending.forEach(e -> track(shown, e));
            pending.forEach(b::append);
            pending.clear();
            b.append(line.charAt(i++));
        }
        pending.forEach(b::append);
        out.add(b.toString());
        return out;
    }

    /** The colours in force after {@code escape}: a reset clears them, anything else adds to them. */
    private static void track(List<String> active, String escape) {
        if (escape.equals(RESET) || escape.equals("\u001b[m")) active.clear();
        else active.add(escape);
    }
}
