package jlab.cgroup;

/** Reading and writing limit values: {@code max} on v2, -1 or a huge page-rounded number on v1. */
public final class Limits {
    /** What "no limit" reads as in jlab's records. */
    public static final long UNLIMITED = -1;

    /** v1 reports "no memory limit" as LONG_MAX rounded down to a page (9223372036854771712). */
    private static final long HUGE = 1L << 62;

    private Limits() {}

    /** Parses {@code max}, {@code -1}, a number, or v1's near-LONG_MAX into a value or {@link #UNLIMITED}. */
    public static long parse(String text) {
        String t = text.strip();
        if (t.equals("max") || t.equals("-1")) return UNLIMITED;
        long v = Long.parseLong(t);
        return v >= HUGE ? UNLIMITED : v;
    }

    /** A size as people write it: {@code 32M}, {@code 1G}, {@code 4096}, {@code max} (powers of 1024). */
    public static long parseSize(String text) {
        String t = text.strip();
        if (t.equals("max")) return UNLIMITED;
        if (t.isEmpty()) throw new IllegalArgumentException("empty size");
        char unit = Character.toUpperCase(t.charAt(t.length() - 1));
        int shift = switch (unit) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits) << shift;
    }

    public static String format(long value) {
        return value == UNLIMITED ? "max" : Long.toString(value);
    }
}
