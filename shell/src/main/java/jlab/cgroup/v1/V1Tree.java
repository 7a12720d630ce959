package jlab.cgroup.v1;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import jlab.cgroup.CgroupException;
import jlab.cgroup.CgroupFiles;
import jlab.cgroup.CgroupRef;
import jlab.cgroup.CgroupStats;
import jlab.cgroup.CgroupTree;
import jlab.cgroup.CgroupVersion;
import jlab.cgroup.Controller;
import jlab.cgroup.CpuMax;
import jlab.cgroup.FlatKeyed;
import jlab.cgroup.Knob;
import jlab.cgroup.KnobValues;
import jlab.cgroup.Limits;
import jlab.proc.CgroupMembership;

/**
 * cgroup v1: each controller has a hierarchy of its own (or shares one, as in {@code cpu,cpuacct}), so
 * one lab cgroup is a directory in each, and a process is moved into each. CPU usage lives in cpuacct,
 * which jlab also joins when it is a separate hierarchy. v1 has no per-cgroup pressure (PSI) files.
 */
public final class V1Tree implements CgroupTree {
    private static final long NS_PER_US = 1000;

    private final Map<String, Path> mounts;
    private final CgroupFiles.Rmdir rmdir;

    /** @param mounts where each v1 controller's hierarchy is mounted, by kernel name (cpu, cpuacct, memory, pids) */
    public V1Tree(Map<String, Path> mounts) {
        this(mounts, Files::delete);
    }

    public V1Tree(Map<String, Path> mounts, CgroupFiles.Rmdir rmdir) {
        this.mounts = Map.copyOf(mounts);
        this.rmdir = rmdir;
    }

    @Override public CgroupVersion version() { return CgroupVersion.V1; }

    @Override public Map<Controller, Path> hierarchies() {
        Map<Controller, Path> out = new EnumMap<>(Controller.class);
        for (Controller c : Controller.values()) {
            Path p = mounts.get(c.kernelName());
            if (p != null) out.put(c, p);
        }
        return out;
    }

    private Optional<Path> cpuacct() {
        return Optional.ofNullable(mounts.get("cpuacct"));
    }

    @Override public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("cgroup v1: one hierarchy per controller");
        new TreeMap<>(mounts).forEach((name, path) -> lines.add(name + " at " + path));
        return lines;
    }

    private Path hierarchy(Controller c) {
        Path p = mounts.get(c.kernelName());
        if (p == null) throw new CgroupException("this host mounts no cgroup v1 hierarchy for the " + c.kernelName() + " controller");
        return p;
    }

    @Override public CgroupRef create(String name, Set<Controller> controllers, Consumer<Path> beforeCreate) {
        Map<Controller, Path> dirs = new EnumMap<>(Controller.class);
        Set<Path> hierarchies = new LinkedHashSet<>();
        for (Controller c : controllers) hierarchies.add(hierarchy(c));
        List<Path> extra = new ArrayList<>();
        if (controllers.contains(Controller.CPU) && cpuacct().isPresent() && hierarchies.add(cpuacct().get())) {
            extra.add(cpuacct().get().resolve(CgroupFiles.PARENT).resolve(name));
        }
        for (Path h : hierarchies) {
            CgroupFiles.mkdir(h.resolve(CgroupFiles.PARENT), true);
            Path dir = h.resolve(CgroupFiles.PARENT).resolve(name);
            CgroupFiles.requireOwned(h, dir);
            beforeCreate.accept(dir);
            CgroupFiles.mkdir(dir, false);
        }
        for (Controller c : controllers) dirs.put(c, hierarchy(c).resolve(CgroupFiles.PARENT).resolve(name));
        return new CgroupRef("/" + CgroupFiles.PARENT + "/" + name, dirs, extra);
    }

    private Path dir(CgroupRef cgroup, Controller c) {
        return cgroup.dir(c).orElseThrow(() -> new CgroupException(cgroup.path() + " has no directory in the "
                + c.kernelName() + " hierarchy: jlab did not create it with that controller"));
    }

    @Override public List<String> set(CgroupRef cgroup, Knob knob, String value) {
        Path dir = dir(cgroup, knob.controller());
        CgroupFiles.requireOwned(hierarchy(knob.controller()), dir);
        V1Files.Memory memory = new V1Files.Memory(Limits.UNLIMITED, Limits.UNLIMITED, false);
        if (knob.controller() == Controller.MEMORY) {
            var memsw = CgroupFiles.readIfPresent(dir.resolve("memory.memsw.limit_in_bytes")).map(Limits::parse);
            memory = new V1Files.Memory(CgroupFiles.number(dir.resolve("memory.limit_in_bytes")),
                    memsw.orElse(Limits.UNLIMITED), memsw.isPresent());
        }
        List<V1Files.Write> writes;
        try {
            writes = V1Files.translate(knob, value, memory);
        } catch (IllegalArgumentException e) {
            throw new CgroupException(e.getMessage(), e);
        }
        List<String> done = new ArrayList<>();
        for (V1Files.Write w : writes) {
            CgroupFiles.write(dir.resolve(w.file()), w.value(), "the " + knob.controller().kernelName()
                    + " hierarchy has no " + w.file() + " (an older kernel?)", KnobValues.expected(knob) + " (v1's "
                    + w.file() + " refused " + knob.file() + " " + value.strip() + ")");
            done.add(dir.resolve(w.file()) + " = " + w.value() + "   (v2: " + knob.file() + ")");
        }
        if (writes.isEmpty()) done.add(knob.file() + ": nothing to do on v1 without swap accounting (no memory.memsw.* files)");
        return done;
    }

    @Override public String get(CgroupRef cgroup, Knob knob) {
        Path dir = dir(cgroup, knob.controller());
        return switch (knob) {
            case CPU_MAX -> V1Files.cpuMax(Long.parseLong(CgroupFiles.read(dir.resolve("cpu.cfs_quota_us")).strip()),
                    Long.parseLong(CgroupFiles.read(dir.resolve("cpu.cfs_period_us")).strip()));
            case CPU_WEIGHT -> Long.toString(V1Files.weight(CgroupFiles.number(dir.resolve("cpu.shares"))));
            case MEMORY_MAX -> Limits.format(CgroupFiles.number(dir.resolve("memory.limit_in_bytes")));
            case MEMORY_HIGH -> "max";
            case MEMORY_SWAP_MAX -> CgroupFiles.readIfPresent(dir.resolve("memory.memsw.limit_in_bytes"))
                    .map(s -> Limits.parse(s) == Limits.UNLIMITED ? "max"
                            : Long.toString(Limits.parse(s) - CgroupFiles.number(dir.resolve("memory.limit_in_bytes"))))
                    .orElse("max");
            case PIDS_MAX -> CgroupFiles.read(dir.resolve("pids.max")).strip();
        };
    }

    @Override public List<String> move(CgroupRef cgroup, int pid) {
        List<String> done = new ArrayList<>();
        for (Path dir : cgroup.allDirs()) {
            requireOwned(dir);
            CgroupFiles.write(dir.resolve("cgroup.procs"), Integer.toString(pid), "the cgroup is gone",
                    "not a pid, or a pid the kernel refuses to move");
            done.add(dir.resolve("cgroup.procs") + " += " + pid);
        }
        return done;
    }

    /** Refuses a directory unless it lies below the jlab parent of one of this host's hierarchies. */
    private void requireOwned(Path dir) {
        Path mount = mounts.values().stream().filter(dir.normalize()::startsWith).findFirst()
                .orElseThrow(() -> new CgroupException("jlab refuses to change " + dir + ": it is in no cgroup hierarchy it knows"));
        CgroupFiles.requireOwned(mount, dir);
    }

    @Override public List<Integer> processes(CgroupRef cgroup) {
        return CgroupFiles.pids(cgroup.allDirs().getFirst());
    }

    @Override public CgroupStats stats(CgroupRef cgroup) {
        Optional<Path> cpu = cgroup.dir(Controller.CPU);
        Optional<Path> acct = cgroup.extra().stream().filter(p -> cpuacct().map(p::startsWith).orElse(false)).findFirst()
                .or(() -> cpu.filter(p -> Files.exists(p.resolve("cpuacct.usage"))));
        var cpuStat = FlatKeyed.parse(cpu.flatMap(d -> CgroupFiles.readIfPresent(d.resolve("cpu.stat"))).orElse(""));
        long quota = cpu.map(d -> CgroupFiles.number(d.resolve("cpu.cfs_quota_us"))).orElse(Limits.UNLIMITED);
        long period = cpu.map(d -> CgroupFiles.number(d.resolve("cpu.cfs_period_us"))).orElse(CpuMax.DEFAULT_PERIOD);
        long usageNs = acct.flatMap(d -> CgroupFiles.readIfPresent(d.resolve("cpuacct.usage"))).map(s -> Long.parseLong(s.strip())).orElse(0L);
        var cpuStats = new CgroupStats.Cpu(new CpuMax(quota, period), usageNs / NS_PER_US,
                FlatKeyed.get(cpuStat, "nr_periods"), FlatKeyed.get(cpuStat, "nr_throttled"),
                FlatKeyed.get(cpuStat, "throttled_time") / NS_PER_US);
        Optional<Path> mem = cgroup.dir(Controller.MEMORY);
        var oom = FlatKeyed.parse(mem.flatMap(d -> CgroupFiles.readIfPresent(d.resolve("memory.oom_control"))).orElse(""));
        var memory = new CgroupStats.Memory(number(mem, "memory.usage_in_bytes", 0), number(mem, "memory.limit_in_bytes", Limits.UNLIMITED),
                number(mem, "memory.failcnt", 0), FlatKeyed.get(oom, "under_oom"), FlatKeyed.get(oom, "oom_kill"));
        Optional<Path> pidsDir = cgroup.dir(Controller.PIDS);
        var events = FlatKeyed.parse(pidsDir.flatMap(d -> CgroupFiles.readIfPresent(d.resolve("pids.events"))).orElse(""));
        var pids = new CgroupStats.Pids(number(pidsDir, "pids.current", 0), number(pidsDir, "pids.max", Limits.UNLIMITED),
                FlatKeyed.get(events, "max"));
        return new CgroupStats(cpuStats, memory, pids, Optional.empty(), Optional.empty());
    }

    private static long number(Optional<Path> dir, String file, long absent) {
        return dir.flatMap(d -> CgroupFiles.readIfPresent(d.resolve(file))).map(Limits::parse).orElse(absent);
    }

    @Override public void remove(CgroupRef cgroup, Consumer<Path> removed) {
        CgroupException first = null;
        for (Path dir : cgroup.allDirs()) {
            try {
                requireOwned(dir);
                CgroupFiles.removeTree(dir, rmdir).forEach(removed);
            } catch (CgroupException e) {
                if (first == null) first = e;
            }
        }
        for (Path h : new LinkedHashSet<>(mounts.values())) CgroupFiles.removeParentIfEmpty(h, rmdir);
        if (first != null) throw first;
    }

    @Override public CgroupRef locate(List<CgroupMembership> memberships) {
        Map<Controller, Path> dirs = new EnumMap<>(Controller.class);
        List<Path> extra = new ArrayList<>();
        String path = "/";
        for (CgroupMembership m : memberships) {
            if (m.unified()) continue;
            for (String name : m.controllers()) {
                Path mount = mounts.get(name);
                if (mount == null) continue;
                Path dir = mount.resolve(m.path().substring(1));
                Controller.parse(name).ifPresentOrElse(c -> dirs.put(c, dir), () -> extra.add(dir));
                if (name.equals("cpu")) path = m.path();
            }
        }
        return new CgroupRef(path, dirs, extra);
    }
}
