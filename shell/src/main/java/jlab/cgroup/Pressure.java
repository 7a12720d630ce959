package jlab.cgroup;

import java.util.Optional;

/**
 * Pressure stall information (PSI) of one resource: the share of time some (or all) tasks waited for it,
 * averaged over 10, 60 and 300 seconds, and the total stall time in microseconds. {@code full} is absent
 * for CPU at the system level on older kernels.
 */
public record Pressure(Line some, Optional<Line> full) {

    public record Line(double avg10, double avg60, double avg300, long totalUsec) {}

    /** Parses {@code some avg10=0.00 avg60=0.00 avg300=0.00 total=0} and an optional {@code full ...} line. */
    public static Pressure parse(String text) {
        Line some = null;
        Line full = null;
        for (String raw : text.split("\n")) {
            String l = raw.strip();
            if (l.isEmpty()) continue;
            String[] f = l.split("\\s+");
            if (f.length != 5) throw new IllegalArgumentException("not a PSI line: " + raw);
            Line line = new Line(Double.parseDouble(value(f[1], "avg10")), Double.parseDouble(value(f[2], "avg60")),
                    Double.parseDouble(value(f[3], "avg300")), Long.parseLong(value(f[4], "total")));
            switch (f[0]) {
                case "some" -> some = line;
                case "full" -> full = line;
                default -> throw new IllegalArgumentException("not a PSI line: " + raw);
            }
        }
        if (some == null) throw new IllegalArgumentException("no 'some' line in PSI text");
        return new Pressure(some, Optional.ofNullable(full));
    }

    private static String value(String field, String key) {
        if (!field.startsWith(key + "=")) throw new IllegalArgumentException("expected " + key + "=, got " + field);
        return field.substring(key.length() + 1);
    }
}
