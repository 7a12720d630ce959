package jlab.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jlab.proc.CgroupMembership;

/**
 * The host's cgroup hierarchy (or hierarchies, on v1) as labs use it. Labs speak cgroup v2 ({@link Knob}
 * names v2 files); the v1 backend translates. Every change happens below {@code <hierarchy>/jlab/}; reads
 * may look anywhere. Backends: {@code jlab.cgroup.v1.V1Tree}, {@code jlab.cgroup.v2.V2Tree}; pick one with
 * {@link CgroupDetector}.
 */
public interface CgroupTree {

    CgroupVersion version();

    /** Where each lab controller lives: its hierarchy's root (v2: the one root, if the controller is available). */
    Map<Controller, Path> hierarchies();

    /** One line per fact, for the learner: version, where each controller is, what is missing. */
    List<String> describe();

    /**
     * Creates {@code <hierarchy>/jlab/<name>} for each of {@code controllers} (v2: one directory, with the
     * controllers enabled in the jlab parent's cgroup.subtree_control). {@code beforeCreate} gets each
     * directory jlab is about to make, before it makes it (the ledger records it there).
     */
    CgroupRef create(String name, Set<Controller> controllers, Consumer<Path> beforeCreate);

    /** Sets a limit, translated for v1; returns one line per file written ({@code cpu.cfs_quota_us = 20000}). */
    List<String> set(CgroupRef cgroup, Knob knob, String value);

    /** A limit as its v2 file would show it ({@code 20000 100000}, {@code max}). */
    String get(CgroupRef cgroup, Knob knob);

    /** Moves a process (all its threads) in by writing its pid to cgroup.procs (of each hierarchy on v1). */
    List<String> move(CgroupRef cgroup, int pid);

    /** The pids in the cgroup (v1: of the first controller's hierarchy). */
    List<Integer> processes(CgroupRef cgroup);

    CgroupStats stats(CgroupRef cgroup);

    /**
     * Removes the cgroup (child cgroups first), then the jlab parent if no other session uses it.
     * A cgroup with processes left gives EBUSY, explained. {@code removed} gets each directory removed.
     */
    void remove(CgroupRef cgroup, Consumer<Path> removed);

    /** The cgroup a process is in, from its /proc/PID/cgroup lines; controllers it is not in are left out. */
    CgroupRef locate(List<CgroupMembership> memberships);
}
