package jlab.inspect;

import java.util.List;
import java.util.Map;

/**
 * The cgroup of the container's init (or, before there is one, of jlab itself) as its interface files
 * show it: named values in display order ({@code cpu.max}, {@code cpu.nr_throttled}, ...), or why there
 * are none.
 */
public record CgroupSnapshot(String version, String whose, Map<String, String> values, List<String> problems) {
    public CgroupSnapshot {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }
}
