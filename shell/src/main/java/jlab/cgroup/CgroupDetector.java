package jlab.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jlab.cgroup.v1.V1Tree;
import jlab.cgroup.v2.V2Tree;
import jlab.proc.MountInfo;

/**
 * The one place that tells cgroup v1 from v2, from the mount table: a {@code cgroup2} file system mounted
 * at the root ({@code /sys/fs/cgroup}) is v2 (unified); {@code cgroup} (v1) hierarchies below it, each
 * bound to its controllers by its super options ({@code rw,cpu,cpuacct}), are v1, with or without an
 * otherwise empty cgroup2 at {@code /sys/fs/cgroup/unified} beside them (hybrid).
 */
public final class CgroupDetector {
    public static final Path DEFAULT_ROOT = Path.of("/sys/fs/cgroup");

    /** v1 controllers jlab knows; super options also hold flags such as rw and name=systemd. */
    private static final Set<String> V1_CONTROLLERS = Set.of("cpu", "cpuacct", "cpuset", "memory", "devices",
            "freezer", "net_cls", "net_prio", "blkio", "perf_event", "hugetlb", "pids", "rdma", "misc");

    /**
     * What the mount table says. {@code v1Mounts}: each v1 controller's mount point; {@code cgroup2}: where a
     * cgroup2 is mounted at or below the root, if anywhere.
     */
    public record Layout(Optional<CgroupVersion> version, Map<String, Path> v1Mounts, Optional<Path> cgroup2, Path root) {
        public Layout {
            v1Mounts = Map.copyOf(v1Mounts);
        }

        /** "v1 (hybrid)", "v2 (unified)", "v1 (legacy)" or "none". */
        public String label() {
            if (version.isEmpty()) return "none";
            if (version.get() == CgroupVersion.V2) return "v2 (unified)";
            return cgroup2.isPresent() ? "v1 (hybrid)" : "v1 (legacy)";
        }
    }

    private CgroupDetector() {}

    /** Reads the mount table of {@code mountinfo} (usually /proc/self/mountinfo). */
    public static Layout detect(List<MountInfo> mountinfo, Path root) {
        Map<String, Path> v1 = new TreeMap<>();
        Path cgroup2 = null;
        for (MountInfo m : mountinfo) {
            Path point = Path.of(m.mountPoint());
            if (!point.startsWith(root)) continue;
            switch (m.fsType()) {
                case "cgroup2" -> {
                    if (cgroup2 == null || point.equals(root)) cgroup2 = point;
                }
                case "cgroup" -> {
                    for (String option : m.superOptions().split(",")) {
                        if (V1_CONTROLLERS.contains(option)) v1.put(option, point);
                    }
                }
                default -> { }
            }
        }
        Optional<CgroupVersion> version;
        if (root.equals(cgroup2)) version = Optional.of(CgroupVersion.V2);
        else if (!v1.isEmpty()) version = Optional.of(CgroupVersion.V1);
        else version = Optional.empty();
        return new Layout(version, v1, Optional.ofNullable(cgroup2), root);
    }

    /** The backend for {@code layout}; a host without cgroups gets an explanation. */
    public static CgroupTree tree(Layout layout) {
        return switch (layout.version().orElseThrow(() -> new CgroupException(
                "no cgroup file system is mounted at " + layout.root() + ": mount cgroup2 there (mount -t cgroup2 none "
                        + layout.root() + ") or boot with systemd"))) {
            case V2 -> new V2Tree(layout.root());
            case V1 -> new V1Tree(layout.v1Mounts());
        };
    }

    /** This host: /proc/self/mountinfo and /sys/fs/cgroup. */
    public static Layout system() {
        try {
            return detect(MountInfo.parse(Files.readString(Path.of("/proc/self/mountinfo"))), DEFAULT_ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
