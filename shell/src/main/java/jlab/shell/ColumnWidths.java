package jlab.shell;

import java.util.Arrays;
import java.util.List;

/**
 * How wide each column of an annotation table is drawn (its text, without padding) in the room the
 * terminal leaves. A table that fits keeps every column as wide as its longest line. Otherwise the widest
 * columns give way first (one cap for all, as large as fits), but none below its longest word: cells wrap
 * at their spaces. Only when the words themselves cannot all fit do words break, after a separator
 * ({@code , / : |}): every column starts as narrow as its longest piece and the room is handed out where it
 * saves the most lines per column, so short tokens (an address, a MAC, a flag list) stay whole where the
 * table can afford it. A piece is cut anywhere only when even the pieces do not fit.
 */
final class ColumnWidths {

    /** What a piece cut anywhere costs, in lines: reading "app.con" over "f" is worse than a line more. */
    private static final int CUT = 2;

    private ColumnWidths() {}

    /** {@code columns}: each column's cells, its header first, as they are drawn (blanks for missing ones). */
    static int[] of(List<List<String>> columns, int available) {
        int n = columns.size();
        int[] natural = new int[n];
        int[] words = new int[n];
        for (int c = 0; c < n; c++) {
            natural[c] = 1;
            for (String cell : columns.get(c)) natural[c] = Math.max(natural[c], longestLine(cell));
            words[c] = Math.min(natural[c], longest(columns.get(c), false));
        }
        if (sum(natural) <= available) return natural;
        if (sum(words) > available) return shared(columns, natural, available);
        int cap = 1;
        for (int w : natural) cap = Math.max(cap, w);
        while (cap > 1 && capped(natural, words, cap) > available) cap--;
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) widths[c] = Math.max(words[c], Math.min(natural[c], cap));
        return widths;
    }

    /**
     * Widths for a table whose words do not all fit: each column from its longest piece (from 1 if even
     * those do not fit), then, a step at a time, the widening that saves the most lines per column added,
     * while there is room and a widening saves anything; a cut piece counts as {@link #CUT} lines more.
     */
    private static int[] shared(List<List<String>> columns, int[] natural, int available) {
        int n = columns.size();
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) widths[c] = Math.min(natural[c], longest(columns.get(c), true));
        if (sum(widths) > available) Arrays.fill(widths, 1);
        int budget = available - sum(widths);
        int[][] costs = new int[n][]; // costs[c][i]: the cost of column c at start[c] + i
        for (int c = 0; c < n; c++) {
            List<String> cells = columns.get(c).stream().map(ColumnWidths::words).toList();
            int[] pieces = cells.stream().mapToInt(cell -> longestWord(cell, true)).toArray();
            costs[c] = new int[Math.max(0, Math.min(natural[c], widths[c] + budget) - widths[c]) + 1];
            for (int i = 0; i < costs[c].length; i++) costs[c][i] = cost(cells, pieces, widths[c] + i);
        }
        int[] start = widths.clone();
        while (budget > 0) {
            int bestColumn = -1, bestWidth = 0;
            double bestGain = 0;
            for (int c = 0; c < n; c++) {
                int now = costs[c][widths[c] - start[c]];
                for (int w = widths[c] + 1; w - start[c] < costs[c].length && w - widths[c] <= budget; w++) {
                    double gain = (now - costs[c][w - start[c]]) / (double) (w - widths[c]);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestColumn = c;
                        bestWidth = w;
                    }
                }
            }
            if (bestColumn < 0) break;
            budget -= bestWidth - widths[bestColumn];
            widths[bestColumn] = bestWidth;
        }
        return widths;
    }

    /**
     * How many lines the column's cells ({@link #words} of each) take at {@code width}, and {@link #CUT} more
     * for each cell whose longest piece ({@code pieces}) is cut.
     */
    private static int cost(List<String> cells, int[] pieces, int width) {
        int cost = 0;
        for (int i = 0; i < pieces.length; i++) {
            cost += LineBreaker.count(cells.get(i), width);
            if (pieces[i] > width) cost += CUT;
        }
        return cost;
    }

    /** A cell's text as a wrapped cell shows it: words one space apart. */
    static String words(String cell) {
        return cell.replaceAll("\\s+", " ").strip();
    }

    /** The longest word of the column's cells; {@code pieces}: the longest piece when words break after separators. */
    private static int longest(List<String> cells, boolean pieces) {
        int max = 1;
        for (String cell : cells) max = Math.max(max, longestWord(cell, pieces));
        return max;
    }

    static int longestWord(String cell, boolean pieces) {
        int max = 0, run = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (Character.isWhitespace(c)) {
                run = 0;
                continue;
            }
            max = Math.max(max, ++run);
            boolean breaksAfter = pieces && LineBreaker.SEPARATORS.indexOf(c) >= 0
                    && i + 1 < cell.length() && !Character.isWhitespace(cell.charAt(i + 1));
            if (breaksAfter) run = 0;
        }
        return max;
    }

    private static int capped(int[] natural, int[] floor, int cap) {
        int s = 0;
        for (int c = 0; c < natural.length; c++) s += Math.max(floor[c], Math.min(natural[c], cap));
        return s;
    }

    private static int sum(int[] widths) {
        int s = 0;
        for (int w : widths) s += w;
        return s;
    }

    private static int longestLine(String s) {
        int max = 0;
        for (String line : s.split("\n", -1)) max = Math.max(max, line.length());
        return max;
    }
}
