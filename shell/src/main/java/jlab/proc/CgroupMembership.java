package jlab.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of /proc/PID/cgroup: {@code 8:pids:/user.slice} on a v1 hierarchy, {@code 0::/} on the v2
 * unified one (hierarchy 0, no controllers listed). Named v1 hierarchies keep their {@code name=}
 * prefix as the controller ({@code name=systemd}).
 */
public record CgroupMembership(int hierarchyId, List<String> controllers, String path) {

    public CgroupMembership {
        controllers = List.copyOf(controllers);
    }

    /** True for the cgroup v2 (unified) line. */
    public boolean unified() {
        return hierarchyId == 0 && controllers.isEmpty();
    }

    /** Parses one line; the path may contain ':' so only the first two colons split. */
    public static CgroupMembership parseLine(String line) {
        int first = line.indexOf(':');
        int second = first < 0 ? -1 : line.indexOf(':', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("not a /proc/PID/cgroup line: " + line);
        }
        String list = line.substring(first + 1, second);
        List<String> controllers = list.isEmpty() ? List.of() : List.of(list.split(","));
        return new CgroupMembership(Integer.parseInt(line.substring(0, first)), controllers,
                line.substring(second + 1));
    }

    /** Parses a whole cgroup file, one membership per non-empty line. */
    public static List<CgroupMembership> parse(String text) {
        List<CgroupMembership> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(parseLine(line));
            }
        }
        return List.copyOf(out);
    }
}
