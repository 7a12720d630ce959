package jlab.ledger;

import java.util.ArrayList;
import java.util.List;

/** What a teardown did: each resource released and how, and each one that could not be, with why. */
public record TeardownReport(List<Released> released, List<Failure> failures) {

    public record Released(Resource resource, String how) {
        public String describe() { return resource.describe() + ": " + how; }
    }

    public record Failure(Resource resource, String reason) {
        public String describe() { return resource.describe() + ": " + reason; }
    }

    public TeardownReport {
        released = List.copyOf(released);
        failures = List.copyOf(failures);
    }

    public boolean clean() {
        return failures.isEmpty();
    }

    /** One line per resource: those released (newest first), then those that failed. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        released.forEach(r -> lines.add("released " + r.describe()));
        failures.forEach(f -> lines.add("FAILED   " + f.describe()));
        return lines;
    }

    /** Collects outcomes while a teardown runs. */
    static final class Builder {
        private final List<Released> released = new ArrayList<>();
        private final List<Failure> failures = new ArrayList<>();

        void released(Resource r, String how) { released.add(new Released(r, how)); }

        void failed(Resource r, String reason) { failures.add(new Failure(r, reason)); }

        boolean hasFailures() { return !failures.isEmpty(); }

        TeardownReport build() { return new TeardownReport(released, failures); }
    }
}
