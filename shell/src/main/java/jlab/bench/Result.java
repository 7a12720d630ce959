package jlab.bench;

import java.util.List;

/**
 * One benchmark's outcome: what was measured, the contenders (the first is jlab, the second the reference
 * its ratio is taken against, when there is one), the target and extra figures such as resident memory.
 */
public record Result(String name, String what, int runs, int warmup, List<Samples> contenders, Target target,
                     List<Figure> figures, List<String> notes) {

    public Result {
        contenders = List.copyOf(contenders);
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    /** A goal for the subject's median: absolute ({@code reference == false}) or as a ratio to the reference. */
    public record Target(String description, double limit, boolean ratio) {
        public static Target medianAtMost(double millis) {
            return new Target("median <= " + Format.number(millis) + " ms", millis, false);
        }

        public static Target ratioAtMost(double ratio) {
            return new Target("ratio <= " + Format.number(ratio), ratio, true);
        }
    }

    /** A further number with its own goal, e.g. resident memory at the prompt. */
    public record Figure(String name, double value, String unit, double limit) {
        public boolean met() { return value <= limit; }
    }

    public Samples subject() {
        return contenders.getFirst();
    }

    /** jlab's median over the reference's; NaN without an available reference. */
    public double ratio() {
        if (contenders.size() < 2 || !subject().available() || !contenders.get(1).available()) return Double.NaN;
        return subject().median() / contenders.get(1).median();
    }

    /** Whether the target is met; false when it could not be measured. */
    public boolean met() {
        if (!subject().available()) return false;
        double value = target.ratio() ? ratio() : subject().median();
        return !Double.isNaN(value) && value <= target.limit() && figures.stream().allMatch(Figure::met);
    }
}
