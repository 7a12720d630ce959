package jlab.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jlab.cgroup.CgroupDetector;
import jlab.cgroup.CgroupException;
import jlab.cgroup.CgroupRef;
import jlab.cgroup.CgroupStats;
import jlab.cgroup.CgroupTree;
import jlab.cgroup.Controller;
import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;

/**
 * The cgroup the container's init is in, found through /proc/PID/cgroup, with its limits and counters in
 * cgroup v2 terms (the v1 backend translates): cpu.max and throttling, memory and OOM kills, pids and
 * refused forks. Reads only; works on v1 and v2 alike.
 */
public final class CgroupInspector implements Inspector<CgroupSnapshot> {
    private static final List<String> COLUMNS = List.of("value", "now");

    private final Supplier<CgroupDetector.Layout> layouts;

    /**
     * This host's layout, detected once (a read and parse of /proc/self/mountinfo, a third of a snapshot's
     * cost when done every time): jlab never mounts or unmounts cgroup file systems on the host.
     */
    public CgroupInspector() {
        this(new Supplier<>() {
            private volatile CgroupDetector.Layout layout;

            @Override public CgroupDetector.Layout get() {
                CgroupDetector.Layout l = layout;
                if (l == null) layout = l = CgroupDetector.system();
                return l;
            }
        });
    }

    public CgroupInspector(Supplier<CgroupDetector.Layout> layouts) {
        this.layouts = layouts;
    }

    @Override public String name() { return "cgroup"; }

    @Override public List<String> aliases() { return List.of("cgroups"); }

    @Override public String describe() {
        return "the container's cgroup: cpu.max and throttling, memory and OOM kills, pids (v2 names, v1 translated)";
    }

    @Override public CgroupSnapshot snapshot(InspectTarget target) {
        int pid = target.initPid().orElse(target.hostPid());
        String whose = target.initPid().isPresent() ? "init (host pid " + pid + ")" : "jlab (pid " + pid + "; no init yet)";
        try {
            CgroupDetector.Layout layout = layouts.get();
            CgroupTree tree = CgroupDetector.tree(layout);
            var memberships = target.proc().cgroups(pid);
            CgroupRef ref = tree.locate(memberships);
            Map<String, String> values = new LinkedHashMap<>();
            for (var e : ref.dirs().entrySet()) {
                if (!values.containsKey("path") || tree.version() == jlab.cgroup.CgroupVersion.V1) {
                    values.put(tree.version() == jlab.cgroup.CgroupVersion.V1 ? e.getKey().kernelName() + " cgroup" : "path", e.getValue().toString());
                }
            }
            CgroupStats s = tree.stats(ref);
            if (ref.dir(Controller.CPU).isPresent()) {
                values.put("cpu.max", s.cpu().max().text() + share(s.cpu().max()));
                values.put("cpu.usage_usec", Long.toString(s.cpu().usageUsec()));
                values.put("cpu.nr_periods", Long.toString(s.cpu().nrPeriods()));
                values.put("cpu.nr_throttled", Long.toString(s.cpu().nrThrottled()));
                values.put("cpu.throttled_usec", Long.toString(s.cpu().throttledUsec()));
            }
            if (ref.dir(Controller.MEMORY).isPresent()) {
                values.put("memory.max", jlab.cgroup.Limits.format(s.memory().max()));
                values.put("memory.current", Long.toString(s.memory().current()));
                values.put("memory.events.max", Long.toString(s.memory().maxEvents()));
                values.put("memory.events.oom_kill", Long.toString(s.memory().oomKills()));
            }
            if (ref.dir(Controller.PIDS).isPresent()) {
                values.put("pids.max", jlab.cgroup.Limits.format(s.pids().max()));
                values.put("pids.current", Long.toString(s.pids().current()));
                values.put("pids.events.max", Long.toString(s.pids().maxEvents()));
            }
            s.cpuPressure().ifPresent(p -> values.put("cpu.pressure some avg10", p.some().avg10() + "%"));
            s.memoryPressure().ifPresent(p -> values.put("memory.pressure some avg10", p.some().avg10() + "%"));
            List<String> notes = !memberships.isEmpty() && memberships.stream().allMatch(m -> m.path().equals("/"))
                    ? List.of("this is the root cgroup: its counters are the whole machine's, not the container's "
                            + "(and v1's root counts no pids)")
                    : List.of();
            return new CgroupSnapshot(layout.label(), whose, values, notes);
        } catch (CgroupException | IllegalArgumentException e) {
            return new CgroupSnapshot("?", whose, Map.of(), List.of(e.getMessage()));
        }
    }

    private static String share(jlab.cgroup.CpuMax max) {
        return max.unlimited() ? " (no limit)" : " (" + Math.round(max.cpus() * 100) + "% of one CPU)";
    }

    @Override public Annotation show(CgroupSnapshot now) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(Change.SAME, "cgroup version", now.version()));
        rows.add(Row.of(Change.SAME, "whose cgroup", now.whose()));
        now.values().forEach((k, v) -> rows.add(Row.of(Change.SAME, k, v)));
        return new Annotation(name(), COLUMNS, rows, now.problems());
    }

    @Override public Annotation diff(CgroupSnapshot before, CgroupSnapshot after) {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(Change.SAME, "cgroup version", after.version()));
        rows.add(Row.of(before.whose().equals(after.whose()) ? Change.SAME : Change.CHANGED, "whose cgroup", after.whose()));
        after.values().forEach((k, v) -> {
            String old = before.values().get(k);
            Change change = old == null ? Change.ADDED : old.equals(v) ? Change.SAME : Change.CHANGED;
            rows.add(Row.of(change, k, old == null || old.equals(v) ? v : old + " → " + v));
        });
        before.values().keySet().stream().filter(k -> !after.values().containsKey(k))
                .forEach(k -> rows.add(Row.of(Change.REMOVED, k, before.values().get(k))));
        List<String> notes = new ArrayList<>(after.problems());
        if (grew(before, after, "cpu.nr_throttled")) notes.add("nr_throttled grew: the group used up its cpu.max quota and waited for the next period");
        if (grew(before, after, "memory.events.oom_kill")) notes.add("oom_kill grew: the OOM killer ended a process of this cgroup at memory.max");
        if (grew(before, after, "pids.events.max")) notes.add("pids.events max grew: fork() failed with EAGAIN at pids.max");
        if (!before.whose().equals(after.whose())) {
            // another process is shown (the init that was just started), not a process that moved
            notes.add("shown now: the cgroup of " + after.whose() + "; before, of " + before.whose());
        } else if (changed(before, after, "path") || changed(before, after, "cpu cgroup")) {
            notes.add("the process is in another cgroup now: writing its pid to cgroup.procs moved it");
        }
        return new Annotation(name(), COLUMNS, rows, notes);
    }

    private static boolean changed(CgroupSnapshot a, CgroupSnapshot b, String key) {
        return a.values().containsKey(key) && b.values().containsKey(key) && !a.values().get(key).equals(b.values().get(key));
    }

    private static boolean grew(CgroupSnapshot a, CgroupSnapshot b, String key) {
        try {
            return Long.parseLong(b.values().getOrDefault(key, "0")) > Long.parseLong(a.values().getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
