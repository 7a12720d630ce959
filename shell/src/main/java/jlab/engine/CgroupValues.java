package jlab.engine;

import jlab.cgroup.CgroupException;
import jlab.cgroup.CgroupStats;
import jlab.cgroup.Knob;

/** Reads the values labs name ({@code cpu.max}, {@code cpu.nr_throttled}, ...) from the lab's cgroup. */
final class CgroupValues {
    private CgroupValues() {}

    /** The value as its v2 file would show it, read now. */
    static String read(LabCgroups cgroups, String name) {
        var knob = Knob.byFile(name);
        if (knob.isPresent()) return cgroups.get(knob.get());
        if (name.equals("procs")) return Integer.toString(cgroups.processes().size());
        CgroupStats s = cgroups.stats();
        long value = switch (name) {
            case "cpu.usage_usec" -> s.cpu().usageUsec();
            case "cpu.nr_periods" -> s.cpu().nrPeriods();
            case "cpu.nr_throttled" -> s.cpu().nrThrottled();
            case "cpu.throttled_usec" -> s.cpu().throttledUsec();
            case "memory.current" -> s.memory().current();
            case "memory.events.max" -> s.memory().maxEvents();
            case "memory.events.oom_kill" -> s.memory().oomKills();
            case "pids.current" -> s.pids().current();
            case "pids.events.max" -> s.pids().maxEvents();
            default -> throw new CgroupException("jlab reads no cgroup value called '" + name + "'");
        };
        return Long.toString(value);
    }
}
