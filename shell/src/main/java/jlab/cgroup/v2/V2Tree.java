package jlab.cgroup.v2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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
import jlab.cgroup.Pressure;
import jlab.proc.CgroupMembership;

/**
 * cgroup v2: every controller in one tree rooted at {@code root} (/sys/fs/cgroup on a unified host). A
 * controller can be used in a cgroup only when its parent lists it in cgroup.subtree_control; jlab enables
 * cpu, memory and pids in its own parent {@code <root>/jlab} and never writes to the root cgroup.
 */
public final class V2Tree implements CgroupTree {
    private final Path root;
    private final CgroupFiles.Rmdir rmdir;

    public V2Tree(Path root) {
        this(root, Files::delete);
    }

    /** @param rmdir how a cgroup directory is removed (tests of a fake cgroupfs delete its files too) */
    public V2Tree(Path root, CgroupFiles.Rmdir rmdir) {
        this.root = root;
        this.rmdir = rmdir;
    }

    @Override public CgroupVersion version() { return CgroupVersion.V2; }

    /** Controllers the root offers (cgroup.controllers) that the root also passes down (cgroup.subtree_control). */
    @Override public Map<Controller, Path> hierarchies() {
        Map<Controller, Path> out = new EnumMap<>(Controller.class);
        for (Controller c : words(root.resolve("cgroup.controllers"))) out.put(c, root);
        return out;
    }

    private Set<Controller> enabledBelowRoot() {
        return Set.copyOf(words(root.resolve("cgroup.subtree_control")));
    }

    private static List<Controller> words(Path file) {
        return CgroupFiles.readIfPresent(file).map(text -> List.of(text.strip().split("\\s+"))).orElse(List.of()).stream()
                .map(Controller::parse).flatMap(Optional::stream).toList();
    }

    @Override public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("cgroup v2 (unified): one hierarchy at " + root);
        lines.add("controllers available: " + CgroupFiles.readIfPresent(root.resolve("cgroup.controllers")).orElse("?").strip());
        lines.add("enabled for children of the root (cgroup.subtree_control): "
                + CgroupFiles.readIfPresent(root.resolve("cgroup.subtree_control")).orElse("?").strip());
        return lines;
    }

    @Override public CgroupRef create(String name, Set<Controller> controllers, Consumer<Path> beforeCreate) {
        Set<Controller> passed = enabledBelowRoot();
        for (Controller c : controllers) {
            if (!passed.contains(c)) {
                throw new CgroupException("the " + c.kernelName() + " controller is not enabled in the root cgroup's"
                        + " cgroup.subtree_control (" + root.resolve("cgroup.subtree_control") + "), and jlab never writes"
                        + " to the root cgroup: enable it there (e.g. systemd's Delegate=) and try again");
            }
        }
        Path parent = root.resolve(CgroupFiles.PARENT);
        CgroupFiles.mkdir(parent, true);
        if (!controllers.isEmpty()) {
            String enable = controllers.stream().map(c -> "+" + c.kernelName()).collect(Collectors.joining(" "));
            CgroupFiles.write(parent.resolve("cgroup.subtree_control"), enable,
                    "the jlab parent has no cgroup.subtree_control", "a controller named there does not exist or is not enabled in the root");
        }
        Path dir = parent.resolve(name);
        CgroupFiles.requireOwned(root, dir);
        beforeCreate.accept(dir);
        CgroupFiles.mkdir(dir, false);
        Map<Controller, Path> dirs = new EnumMap<>(Controller.class);
        for (Controller c : controllers) dirs.put(c, dir);
        return new CgroupRef("/" + CgroupFiles.PARENT + "/" + name, dirs, dirs.isEmpty() ? List.of(dir) : List.of());
    }

    private Path dir(CgroupRef cgroup, Controller controller) {
        return cgroup.dir(controller).orElseThrow(() -> new CgroupException("the " + controller.kernelName()
                + " controller is not enabled for " + cgroup.path() + ": its parent's cgroup.subtree_control lacks +"
                + controller.kernelName()));
    }

    private Path anyDir(CgroupRef cgroup) {
        return cgroup.allDirs().getFirst();
    }

    @Override public List<String> set(CgroupRef cgroup, Knob knob, String value) {
        Path dir = dir(cgroup, knob.controller());
        CgroupFiles.requireOwned(root, dir);
        String text;
        try {
            text = KnobValues.v2Text(knob, value);
        } catch (IllegalArgumentException e) {
            throw new CgroupException(e.getMessage(), e);
        }
        CgroupFiles.write(dir.resolve(knob.file()), text,
                "the " + knob.controller().kernelName() + " controller is not enabled in the parent's cgroup.subtree_control",
                invalid(knob));
        return List.of(dir.resolve(knob.file()) + " = " + text);
    }

    static String invalid(Knob knob) {
        return KnobValues.expected(knob);
    }

    @Override public String get(CgroupRef cgroup, Knob knob) {
        return CgroupFiles.read(dir(cgroup, knob.controller()).resolve(knob.file())).strip();
    }

    @Override public List<String> move(CgroupRef cgroup, int pid) {
        Path dir = anyDir(cgroup);
        CgroupFiles.requireOwned(root, dir);
        CgroupFiles.write(dir.resolve("cgroup.procs"), Integer.toString(pid), "the cgroup is gone",
                "not a pid, or a pid the kernel refuses to move (a kernel thread?)");
        return List.of(dir.resolve("cgroup.procs") + " += " + pid);
    }

    @Override public List<Integer> processes(CgroupRef cgroup) {
        return CgroupFiles.pids(anyDir(cgroup));
    }

    @Override public CgroupStats stats(CgroupRef cgroup) {
        Path dir = anyDir(cgroup);
        var cpuStat = FlatKeyed.parse(CgroupFiles.readIfPresent(dir.resolve("cpu.stat")).orElse(""));
        var cpu = new CgroupStats.Cpu(
                CgroupFiles.readIfPresent(dir.resolve("cpu.max")).map(CpuMax::parse).orElse(new CpuMax(Limits.UNLIMITED, CpuMax.DEFAULT_PERIOD)),
                FlatKeyed.get(cpuStat, "usage_usec"), FlatKeyed.get(cpuStat, "nr_periods"),
                FlatKeyed.get(cpuStat, "nr_throttled"), FlatKeyed.get(cpuStat, "throttled_usec"));
        var events = FlatKeyed.parse(CgroupFiles.readIfPresent(dir.resolve("memory.events")).orElse(""));
        var memory = new CgroupStats.Memory(number(dir.resolve("memory.current"), 0), number(dir.resolve("memory.max"), Limits.UNLIMITED),
                FlatKeyed.get(events, "max"), FlatKeyed.get(events, "oom"), FlatKeyed.get(events, "oom_kill"));
        var pidEvents = FlatKeyed.parse(CgroupFiles.readIfPresent(dir.resolve("pids.events")).orElse(""));
        var pids = new CgroupStats.Pids(number(dir.resolve("pids.current"), 0), number(dir.resolve("pids.max"), Limits.UNLIMITED),
                FlatKeyed.get(pidEvents, "max"));
        return new CgroupStats(cpu, memory, pids, pressure(dir.resolve("cpu.pressure")), pressure(dir.resolve("memory.pressure")));
    }

    private static long number(Path file, long absent) {
        return CgroupFiles.readIfPresent(file).map(Limits::parse).orElse(absent);
    }

    private static Optional<Pressure> pressure(Path file) {
        return CgroupFiles.readIfPresent(file).filter(s -> !s.isBlank()).map(Pressure::parse);
    }

    @Override public void remove(CgroupRef cgroup, Consumer<Path> removed) {
        for (Path dir : cgroup.allDirs()) {
            CgroupFiles.requireOwned(root, dir);
            CgroupFiles.removeTree(dir, rmdir).forEach(removed);
        }
        CgroupFiles.removeParentIfEmpty(root, rmdir);
    }

    @Override public CgroupRef locate(List<CgroupMembership> memberships) {
        String path = memberships.stream().filter(CgroupMembership::unified).map(CgroupMembership::path).findFirst().orElse("/");
        Path dir = root.resolve(path.substring(1));
        Map<Controller, Path> dirs = new EnumMap<>(Controller.class);
        for (Controller c : words(dir.resolve("cgroup.controllers"))) dirs.put(c, dir);
        return new CgroupRef(path, dirs, List.of(dir));
    }
}
