package jlab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The timings (milliseconds) of one contender; empty with a {@code reason} when it could not run. */
public record Samples(String name, List<Double> millis, String reason) {

    public Samples {
        millis = List.copyOf(millis);
    }

    public static Samples of(String name, List<Double> millis) {
        return new Samples(name, millis, null);
    }

    public static Samples unavailable(String name, String reason) {
        return new Samples(name, List.of(), reason);
    }

    public boolean available() {
        return !millis.isEmpty();
    }

    public double min() {
        return sorted().getFirst();
    }

    public double max() {
        return sorted().getLast();
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    public double median() {
        List<Double> s = sorted();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private List<Double> sorted() {
        if (millis.isEmpty()) throw new IllegalStateException(name + " has no samples: " + reason);
        List<Double> s = new ArrayList<>(millis);
        Collections.sort(s);
        return s;
    }
}
