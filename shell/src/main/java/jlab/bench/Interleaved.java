package jlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs contenders in rounds, A B A B …, so that a busy machine slows them alike: warm-up rounds first
 * (JIT, page cache, lazily linked calls), then {@code runs} timed rounds. A contender that fails is
 * reported as unavailable with its error and not run again; the others go on.
 */
final class Interleaved {

    /** One measured run, in milliseconds. */
    @FunctionalInterface
    interface Trial {
        double millis() throws Exception;

        /** Times {@code action} with the monotonic clock. */
        static Trial timed(Action action) {
            return () -> {
                long start = System.nanoTime();
                action.run();
                return (System.nanoTime() - start) / 1e6;
            };
        }
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    record Contender(String name, Trial trial) {}

    private Interleaved() {}

    static List<Samples> run(int warmup, int runs, List<Contender> contenders) {
        Map<Contender, List<Double>> times = new LinkedHashMap<>();
        Map<Contender, String> failed = new LinkedHashMap<>();
        for (Contender c : contenders) times.put(c, new ArrayList<>());
        for (int round = 0; round < warmup + runs; round++) {
            for (Contender c : contenders) {
                if (failed.containsKey(c)) continue;
                try {
                    double ms = c.trial().millis();
                    if (round >= warmup) times.get(c).add(ms);
                } catch (Exception | LinkageError e) {
                    failed.put(c, e.getMessage() == null ? e.toString() : e.getMessage());
                }
            }
        }
        List<Samples> result = new ArrayList<>();
        for (Contender c : contenders) {
            result.add(failed.containsKey(c) || times.get(c).isEmpty()
                    ? Samples.unavailable(c.name(), failed.getOrDefault(c, "no runs"))
                    : Samples.of(c.name(), times.get(c)));
        }
        return result;
    }
}
