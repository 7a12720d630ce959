package jlab.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cgroup: its path inside the hierarchy ({@code /jlab/s42-ab12cd}) and its directory for each
 * controller. On v2 every controller maps to the same directory; on v1 each to its own hierarchy
 * ({@code /sys/fs/cgroup/cpu/jlab/...}, {@code /sys/fs/cgroup/memory/jlab/...}). {@code extra} holds further
 * v1 directories of the same cgroup that are not a lab controller (cpuacct, where v1 counts CPU usage).
 */
public record CgroupRef(String path, Map<Controller, Path> dirs, List<Path> extra) {
    public CgroupRef {
        dirs = Map.copyOf(dirs);
        extra = List.copyOf(extra);
    }

    public Optional<Path> dir(Controller controller) {
        return Optional.ofNullable(dirs.get(controller));
    }

    /** Every distinct directory, each once, in a stable order. */
    public List<Path> allDirs() {
        List<Path> all = new ArrayList<>();
        for (Controller c : Controller.values()) {
            Path d = dirs.get(c);
            if (d != null && !all.contains(d)) all.add(d);
        }
        for (Path p : extra) if (!all.contains(p)) all.add(p);
        return all;
    }
}
