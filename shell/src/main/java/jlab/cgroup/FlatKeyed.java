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
            String[] f = l.split("\\s+");
            if (f.length != 2) throw new IllegalArgumentException("not a 'key value' line: " + line);
            try {
                out.put(f[0], Long.parseLong(f[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number in '" + line + "'", e);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** The value of {@code key}, or 0 when the file does not have it (older kernels lack some keys). */
    public static long get(Map<String, Long> values, String key) {
        return values.getOrDefault(key, 0L);
    }
}
