package jlab.cgroup;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a learner (or a lab) may write to each {@link Knob}, read before anything reaches the kernel, so a wrong
 * value is answered with what the file takes rather than with a parser's complaint or v1's bare EINVAL. Pure;
 * each parser throws {@link IllegalArgumentException} with a message for the learner.
 */
public final class KnobValues {
    /** Bytes as people write them: 32M, 1.5G, 4096 (powers of 1024). */
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMG]?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE = Pattern.compile("\\d+");

    private KnobValues() {}

    /** What the file takes, as a message says it. */
    public static String expected(Knob knob) {
        return switch (knob) {
            case CPU_MAX -> "cpu.max takes '$QUOTA $PERIOD' in microseconds ('20000 100000'), or 'max $PERIOD'";
            case CPU_WEIGHT -> "cpu.weight takes a whole number from 1 to 10000 (100 is the default)";
            case MEMORY_MAX, MEMORY_HIGH, MEMORY_SWAP_MAX ->
                    knob.file() + " takes bytes with an optional K, M or G suffix (32M, 1.5G), or max";
            case PIDS_MAX -> "pids.max takes a whole number ≥ 0, or max";
        };
    }

    /** The value as the v2 file takes it: sizes in bytes, {@code max} for no limit. */
    public static String v2Text(Knob knob, String value) {
        return switch (knob) {
            case CPU_MAX -> CpuMax.parse(value).text();
            case CPU_WEIGHT -> Long.toString(weight(value));
            case MEMORY_MAX, MEMORY_HIGH, MEMORY_SWAP_MAX -> Limits.format(bytes(knob, value));
            case PIDS_MAX -> Limits.format(pids(value));
        };
    }

    /** memory.max and its kin: a number of bytes, or {@link Limits#UNLIMITED} for {@code max}. */
    public static long bytes(Knob knob, String value) {
        String text = value.strip();
        if (text.equals("max")) return Limits.UNLIMITED;
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) throw refused(knob, value);
        int shift = switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift)).stripTrailingZeros();
        if (bytes.scale() > 0) {
            throw new IllegalArgumentException(expected(knob) + ": " + text + " is " + bytes.toPlainString()
                    + " bytes, not a whole number");
        }
        try {
            return bytes.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(expected(knob) + ": " + text + " is more bytes than the kernel counts;"
                    + " max means no limit", e);
        }
    }

    /** pids.max: a number of processes, or {@link Limits#UNLIMITED} for {@code max}. */
    public static long pids(String value) {
        String text = value.strip();
        if (text.equals("max")) return Limits.UNLIMITED;
        if (!WHOLE.matcher(text).matches()) throw refused(Knob.PIDS_MAX, value);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw refused(Knob.PIDS_MAX, value);
        }
    }

    /** cpu.weight: 1..10000. */
    public static long weight(String value) {
        String text = value.strip();
        if (!WHOLE.matcher(text).matches() || text.length() > 5) throw refused(Knob.CPU_WEIGHT, value);
        long weight = Long.parseLong(text);
        if (weight < 1 || weight > 10_000) throw refused(Knob.CPU_WEIGHT, value);
        return weight;
    }

    private static IllegalArgumentException refused(Knob knob, String value) {
        return new IllegalArgumentException(expected(knob) + ", not '" + value.strip() + "'");
    }
}
