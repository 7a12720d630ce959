package jlab.shell;

import java.util.Collection;
import java.util.Optional;

/** Suggests the nearest known name for a typo ("nxt" → "next"), or nothing when none is close. */
public final class DidYouMean {

    private DidYouMean() {}

    public static Optional<String> suggest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(typed.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // a third of the word may be wrong: "nxt" → "next", but "zzz" suggests nothing
        int allowed = Math.max(1, typed.length() / 3);
        if (best != null && (bestDistance <= allowed || best.startsWith(typed) && typed.length() >= 2)) {
            return Optional.of(best);
        }
        return Optional.empty();
    }

    /** Optimal string alignment distance, the same measure the lab loader's suggestions use. */
    static int distance(String a, String b) {
        return jlab.lab.Suggestions.distance(a, b);
    }
}
