package jlab.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jlab.cgroup.CgroupException;
import jlab.cgroup.CgroupRef;
import jlab.cgroup.CgroupStats;
import jlab.cgroup.CgroupTree;
import jlab.cgroup.Controller;
import jlab.cgroup.Knob;
import jlab.ledger.Ledger;
import jlab.ledger.Resource;

/**
 * The cgroup of one sandbox: created on the host's hierarchy (v1 or v2, whatever the detected backend is)
 * under {@code jlab/<session>}, each directory in the ledger before it is made; limits set in v2 terms; the
 * container's processes moved in; on close every process still in it is killed and the cgroup removed.
 */
final class LabCgroups implements AutoCloseable {
    private static final long EMPTY_WAIT_MILLIS = 2_000;

    private final Supplier<CgroupTree> trees;
    private final Ledger ledger;
    private final String name;
    private CgroupTree tree;
    private CgroupRef cgroup;

    /** @param name the cgroup's directory name: unique per sandbox (sessions rebuild it on reset) */
    LabCgroups(Supplier<CgroupTree> trees, Ledger ledger, String name) {
        this.trees = trees;
        this.ledger = ledger;
        this.name = name;
    }

    /** The backend, detected the first time a lab needs it. */
    synchronized CgroupTree tree() {
        if (tree == null) tree = trees.get();
        return tree;
    }

    synchronized Optional<CgroupRef> cgroup() {
        return Optional.ofNullable(cgroup);
    }

    synchronized CgroupRef require() {
        if (cgroup == null) throw new CgroupException("the lab has no cgroup yet: a step creates it (the `cgroup` action)");
        return cgroup;
    }

    /** Creates the lab's cgroup with {@code controllers}; lines say what was made. */
    synchronized List<String> create(Set<Controller> controllers) {
        if (cgroup != null) throw new CgroupException("the lab already has its cgroup " + cgroup.path());
        Set<Controller> wanted = controllers.isEmpty() ? EnumSet.allOf(Controller.class) : EnumSet.copyOf(controllers);
        List<Path> made = new ArrayList<>();
        cgroup = tree().create(name, wanted, dir -> {
            ledger.record(new Resource.Cgroup(dir));
            made.add(dir);
        });
        List<String> lines = new ArrayList<>();
        lines.add("cgroup " + tree().version().name().toLowerCase() + ": created " + cgroup.path());
        made.forEach(dir -> lines.add("mkdir " + dir));
        return lines;
    }

    synchronized List<String> set(String file, String value) {
        Knob knob = Knob.byFile(file).orElseThrow(() -> new CgroupException("jlab does not set " + file + "; it sets "
                + String.join(", ", Knob.files())));
        return tree().set(require(), knob, value);
    }

    synchronized String get(Knob knob) {
        return tree().get(require(), knob);
    }

    synchronized List<String> move(int pid) {
        return tree().move(require(), pid);
    }

    synchronized List<Integer> processes() {
        return cgroup == null ? List.of() : tree().processes(cgroup);
    }

    synchronized CgroupStats stats() {
        return tree().stats(require());
    }

    /** The cgroup's CPU counters now, for `chart`; empty while the lab has no cgroup. */
    synchronized Optional<CgroupControl.CpuSample> cpuSample() {
        if (cgroup == null) return Optional.empty();
        var cpu = stats().cpu();
        return Optional.of(new CgroupControl.CpuSample(System.nanoTime(), cpu.usageUsec(), cpu.nrPeriods(),
                cpu.nrThrottled(), cpu.throttledUsec(), cpu.max().quotaUsec(), cpu.max().periodUsec()));
    }

    /** Kills whatever still runs in the cgroup (only the lab's processes can be there), then removes it. */
    @Override public synchronized void close() {
        if (cgroup == null) return;
        long deadline = System.currentTimeMillis() + EMPTY_WAIT_MILLIS;
        List<Integer> left = tree().processes(cgroup);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = tree().processes(cgroup);
        }
        CgroupRef closing = cgroup;
        cgroup = null;
        tree().remove(closing, dir -> ledger.released(new Resource.Cgroup(dir)));
    }
}
