package jlab.cgroup;

/**
 * The value of cpu.max: {@code $QUOTA $PERIOD} in microseconds, quota {@code max} for none. The group may
 * run for {@code quota} microseconds of CPU time in each {@code period}: "20000 100000" is 20% of one CPU.
 */
public record CpuMax(long quotaUsec, long periodUsec) {
    public static final long DEFAULT_PERIOD = 100_000;

    public CpuMax {
        if (periodUsec < 1000 || periodUsec > 1_000_000) {
            throw new IllegalArgumentException("cpu.max's period must be 1000..1000000 µs, not " + periodUsec);
        }
        if (quotaUsec != Limits.UNLIMITED && quotaUsec < 1000) {
            throw new IllegalArgumentException("cpu.max's quota must be at least 1000 µs (or max), not " + quotaUsec);
        }
    }

    /** Parses {@code "20000 100000"}, {@code "max 100000"} or a bare quota (period 100000, as the kernel does). */
    public static CpuMax parse(String text) {
        String[] f = text.strip().split("\\s+");
        if (f.length < 1 || f.length > 2 || f[0].isEmpty()) {
            throw new IllegalArgumentException("cpu.max takes '$QUOTA $PERIOD' in microseconds, e.g. '20000 100000', not '" + text + "'");
        }
        try {
            long quota = f[0].equals("max") ? Limits.UNLIMITED : Long.parseLong(f[0]);
            long period = f.length == 2 ? Long.parseLong(f[1]) : DEFAULT_PERIOD;
            return new CpuMax(quota, period);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cpu.max takes '$QUOTA $PERIOD' in microseconds (or 'max $PERIOD'), not '" + text + "'", e);
        }
    }

    public boolean unlimited() {
        return quotaUsec == Limits.UNLIMITED;
    }

    /** The share of one CPU, e.g. 0.2; {@code Double.POSITIVE_INFINITY} without a quota. */
    public double cpus() {
        return unlimited() ? Double.POSITIVE_INFINITY : (double) quotaUsec / periodUsec;
    }

    /** As cpu.max shows it. */
    public String text() {
        return Limits.format(quotaUsec) + " " + periodUsec;
    }
}
