package jlab.doctor;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which cgroup hierarchy this machine mounts under /sys/fs/cgroup, read from /proc/self/mountinfo:
 * cgroup2 at /sys/fs/cgroup is v2 (unified); v1 hierarchies next to a cgroup2 (often at
 * /sys/fs/cgroup/unified) is v1 (hybrid); v1 alone is v1 (legacy).
 *
 * @param v1Controllers controllers bound to v1 hierarchies (from their super options), sorted
 * @param cgroup2MountPoint where cgroup2 is mounted, if anywhere under /sys/fs/cgroup
 */
record CgroupLayout(Kind kind, List<String> v1Controllers, Optional<String> cgroup2MountPoint) {

    enum Kind {
        V2_UNIFIED("v2 (unified)"),
        V1_HYBRID("v1 (hybrid)"),
        V1_LEGACY("v1 (legacy)"),
        NONE("none");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static final String CGROUP_ROOT = "/sys/fs/cgroup";

    /** The v1 controllers the kernel knows; super options also hold flags such as rw and name=systemd. */
    private static final Set<String> V1_CONTROLLERS = Set.of("cpu", "cpuacct", "cpuset", "memory", "devices",
            "freezer", "net_cls", "net_prio", "blkio", "perf_event", "hugetlb", "pids", "rdma", "misc");

    /** Parses the text of /proc/self/mountinfo; lines it cannot read are ignored. */
    static CgroupLayout parse(String mountinfo) {
        Set<String> controllers = new TreeSet<>();
        boolean v1 = false;
        String cgroup2 = null;
        for (String line : mountinfo.split("\n")) {
            int dash = line.indexOf(" - ");
            if (dash < 0) continue;
            String[] before = line.substring(0, dash).split(" ");
            String[] after = line.substring(dash + 3).split(" ");
            if (before.length < 5 || after.length < 3) continue;
            String mountPoint = before[4];
            if (!mountPoint.equals(CGROUP_ROOT) && !mountPoint.startsWith(CGROUP_ROOT + "/")) continue;
            switch (after[0]) {
                case "cgroup2" -> {
                    if (cgroup2 == null || mountPoint.equals(CGROUP_ROOT)) cgroup2 = mountPoint;
                }
                case "cgroup" -> {
                    v1 = true;
                    for (String option : after[2].split(",")) {
                        if (V1_CONTROLLERS.contains(option)) controllers.add(option);
                    }
                }
                default -> { }
            }
        }
        Kind kind;
        if (CGROUP_ROOT.equals(cgroup2)) kind = Kind.V2_UNIFIED;
        else if (v1 && cgroup2 != null) kind = Kind.V1_HYBRID;
        else if (v1) kind = Kind.V1_LEGACY;
        else kind = Kind.NONE;
        return new CgroupLayout(kind, List.copyOf(controllers), Optional.ofNullable(cgroup2));
    }
}
