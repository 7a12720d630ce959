package jlab.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@link Cleanup} did: the dead sessions it cleaned and the session directories it left alone, with why. */
public record CleanupReport(List<Cleaned> cleaned, List<Skipped> skipped) {

    /** A session whose owner was dead, why it counted as dead, and what its teardown did. */
    public record Cleaned(String sessionId, Optional<SessionOwner> owner, String whyDead, TeardownReport teardown,
                          List<String> ledgerProblems) {
        public Cleaned {
            ledgerProblems = List.copyOf(ledgerProblems);
        }
    }

    /** A directory under the base that was not touched. */
    public record Skipped(String sessionId, String reason) {}

    public CleanupReport {
        cleaned = List.copyOf(cleaned);
        skipped = List.copyOf(skipped);
    }

    public int resourcesReleased() {
        return cleaned.stream().mapToInt(c -> c.teardown().released().size()).sum();
    }

    public List<TeardownReport.Failure> failures() {
        return cleaned.stream().flatMap(c -> c.teardown().failures().stream()).toList();
    }

    public boolean clean() {
        return failures().isEmpty();
    }

    /** For {@code jlab cleanup}: a summary line, then one block per cleaned session, then the skipped ones. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(cleaned.size() + " dead session(s) cleaned, " + resourcesReleased() + " resource(s) released, "
                + failures().size() + " failure(s)");
        for (Cleaned c : cleaned) {
            lines.add(c.sessionId() + ": " + c.whyDead());
            c.ledgerProblems().forEach(p -> lines.add("  ledger " + p));
            c.teardown().lines().forEach(l -> lines.add("  " + l));
        }
        skipped.forEach(s -> lines.add(s.sessionId() + ": left alone, " + s.reason()));
        return lines;
    }
}
