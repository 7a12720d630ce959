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

    public static String format(long value) {
        return value == UNLIMITED ? "max" : Long.toString(value);
    }
}
