package jlab.cgroup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "flat keyed" format of most cgroup files, one {@code key value} pair per line: cpu.stat,
 * memory.events, pids.events, memory.stat, and on v1 memory.oom_control and cpuacct.stat.
 */
public final class FlatKeyed {
    private FlatKeyed() {}

    /** Keys in file order; a line that is not {@code key <integer>} is an error naming it. */
    public static Map<String, Long> parse(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) continue;
            // two fields split at whitespace, without a regular expression: read after every step
            int gap = 0;
            while (gap < l.length() && !space(l.charAt(gap))) gap++;
            int value = gap;
            while (value < l.length() && space(l.charAt(value))) value++;
            if (value == l.length()) throw new IllegalArgumentException("not a 'key value' line: " + line);
            for (int i = value; i < l.length(); i++) {
                if (space(l.charAt(i))) throw new IllegalArgumentException("not a 'key value' line: " + line);
            }
            try {
                out.put(l.substring(0, gap), Long.parseLong(l, value, l.length(), 10));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number in '" + line + "'", e);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** What {@code \s} matches in a regular expression. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** The value of {@code key}, or 0 when the file does not have it (older kernels lack some keys). */
    public static long get(Map<String, Long> values, String key) {
        return values.getOrDefault(key, 0L);
    }
}
