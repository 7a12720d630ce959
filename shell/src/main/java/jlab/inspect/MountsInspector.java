package jlab.inspect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;
import jlab.proc.MountInfo;
import jlab.proc.ProcFs;

/**
 * The container's mount table as its thread sees it (/proc/PID/task/TID/mountinfo: the whole namespace,
 * paths relative to the thread's root, so pivot_root shows the host's mounts leaving), else its init's,
 * else the host's. The diff shows only mounts that came, went or changed
 * propagation; a typical table has dozens of rows and a step touches two or three.
 */
public final class MountsInspector implements Inspector<MountSnapshot> {

    private static final List<String> COLUMNS = List.of("mount point", "fs type", "source", "propagation");

    /** Mounts are matched by what a learner would recognise; the same triple may be stacked, hence counts. */
    private record Key(String mountPoint, String fsType, String source) {
        static Key of(MountInfo m) {
            return new Key(m.mountPoint(), m.fsType(), m.source());
        }
    }

    @Override
    public String name() {
        return "mounts";
    }

    @Override
    public List<String> aliases() {
        return List.of("mnt", "mountinfo");
    }

    @Override
    public String describe() {
        return "the container's mount table with each mount's propagation (/proc/PID/mountinfo)";
    }

    @Override
    public MountSnapshot snapshot(InspectTarget target) {
        ProcFs proc = target.proc();
        if (target.containerTid().isPresent()) {
            int tid = target.containerTid().getAsInt();
            List<MountInfo> mounts = proc.mountInfo(target.hostPid(), tid);
            if (!mounts.isEmpty()) {
                return new MountSnapshot("container thread " + tid, mounts);
            }
        }
        if (target.initPid().isPresent()) {
            int init = target.initPid().getAsInt();
            List<MountInfo> mounts = proc.mountInfo(init);
            if (!mounts.isEmpty()) {
                return new MountSnapshot("container init " + init, mounts);
            }
        }
        return new MountSnapshot("host", proc.mountInfo(target.hostPid(), target.hostPid()));
    }

    @Override
    public Annotation show(MountSnapshot now) {
        List<Row> rows = now.mounts().stream().map(m -> row(Change.SAME, m)).toList();
        return new Annotation(name(), COLUMNS, rows, List.of(now.mounts().size() + " mounts, as the " + now.view()
                + " sees them"));
    }

    @Override
    public Annotation diff(MountSnapshot before, MountSnapshot after) {
        // Mount ids are unique and stable, so a mount that pivot_root moved keeps its id while its path
        // changes; copies made by unshare(CLONE_NEWNS) get new ids and are matched by what they show.
        Map<Integer, MountInfo> byId = new HashMap<>();
        for (MountInfo m : before.mounts()) byId.put(m.id(), m);
        List<MountInfo> afterUnmatched = new ArrayList<>();
        Map<MountInfo, MountInfo> pairs = new java.util.LinkedHashMap<>();
        for (MountInfo m : after.mounts()) {
            MountInfo old = byId.remove(m.id());
            if (old != null) pairs.put(m, old); else afterUnmatched.add(m);
        }
        Map<Key, Deque<MountInfo>> was = new HashMap<>();
        for (MountInfo m : before.mounts()) {
            if (byId.containsKey(m.id())) was.computeIfAbsent(Key.of(m), k -> new ArrayDeque<>()).add(m);
        }
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int unchanged = 0;
        int sharedAdded = 0;
        for (MountInfo m : after.mounts()) {
            MountInfo old = pairs.get(m);
            if (old == null) {
                Deque<MountInfo> candidates = was.get(Key.of(m));
                old = candidates == null ? null : candidates.poll();
            }
            if (old == null) {
                rows.add(row(Change.ADDED, m));
                sharedAdded += m.shared() ? 1 : 0;
            } else if (!old.mountPoint().equals(m.mountPoint())) {
                rows.add(Row.of(Change.CHANGED, old.mountPoint() + " → " + m.mountPoint(), m.fsType(), m.source(),
                        m.propagation()));
            } else if (!old.propagation().equals(m.propagation())) {
                rows.add(row(Change.CHANGED, m));
                notes.add(propagationNote(m.mountPoint(), old.propagation(), m.propagation()));
            } else {
                unchanged++;
            }
        }
        int removed = 0;
        for (MountInfo m : before.mounts()) {
            Deque<MountInfo> left = was.get(Key.of(m));
            if (byId.containsKey(m.id()) && left != null && left.remove(m)) {
                rows.add(row(Change.REMOVED, m));
                removed++;
            }
        }
        if (!before.view().equals(after.view())) {
            notes.add("now showing the mount table of the " + after.view() + " (was: " + before.view() + ")");
        }
        if (sharedAdded > 0 && !after.view().equals("host")) {
            notes.add(sharedAdded + " new mount(s) are shared: mounts below them propagate to their peer group,"
                    + " which may include the host (make / private first: MS_REC|MS_PRIVATE)");
        }
        if (removed > 3 && !after.view().equals("host")) {
            notes.add(removed + " mounts left the container's view: after chroot they are only hidden outside its"
                    + " root; after pivot_root + umount2(MNT_DETACH) they are gone from its namespace");
        }
        notes.add(unchanged + " mounts unchanged");
        return new Annotation(name(), COLUMNS, rows, notes);
    }

    private static String propagationNote(String mountPoint, String was, String now) {
        String effect = now.equals("private")
                ? "mount events no longer propagate between this mount and its former peers (the host)"
                : now.startsWith("master:") ? "it receives mount events from its master but sends none back"
                : "mount events now propagate between it and its peers";
        return mountPoint + ": " + was + " → " + now + ": " + effect;
    }

    private static Row row(Change change, MountInfo m) {
        return Row.of(change, m.mountPoint(), m.fsType(), m.source(), m.propagation());
    }
}
