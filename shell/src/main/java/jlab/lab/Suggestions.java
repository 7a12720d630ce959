package jlab.lab;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for near misses, by edit distance (adjacent transpositions count as one edit). */
public final class Suggestions {
    private static final int LIST_ALL_UP_TO = 16;

    private Suggestions() {}

    /** The known name closest to {@code word}, if it is close enough to be a typo. */
    static Optional<String> closest(String word, Collection<String> known) {
        String w = word.toLowerCase(Locale.ROOT);
        // One edit turns any one- or two-letter word into many others: no guess is better than a wrong one.
        if (w.length() <= 2) return Optional.empty();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(w, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= allowedEdits(w) ? Optional.of(best) : Optional.empty();
    }

    /** "did you mean 'x'?", else the list of known names when it is short, else null. */
    static String didYouMean(String word, Collection<String> known) {
        return closest(word, known).map(s -> "did you mean '" + s + "'?")
                .orElseGet(() -> oneOf(known));
    }

    static String oneOf(Collection<String> known) {
        if (known.isEmpty() || known.size() > LIST_ALL_UP_TO) return null;
        return "expected one of: " + String.join(", ", known.stream().sorted().toList());
    }

    private static int allowedEdits(String word) {
        if (word.length() <= 4) return 1;
        return word.length() <= 8 ? 2 : 3;
    }

    /** Optimal string alignment distance. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
