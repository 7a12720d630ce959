package jlab.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;
import jlab.inspect.ProcessSnapshot.Entry;
import jlab.proc.NamespaceId;
import jlab.proc.ProcFs;
import jlab.proc.ProcStatus;

/**
 * The container's processes: every process whose ns/pid is the container's pid namespace (the container
 * thread's pid_for_children, or init's ns/pid). A zombie's ns links can no longer be read, so a zombie
 * counts when its parent is in the namespace or it is the container's init.
 * <p>They are found by walking down the task/TID/children files from the container thread and the init
 * (a handful of reads) rather than reading the ns link of every process on the machine (a hundred and
 * more, 2–3 ms). The walk cannot see a process that entered the namespace from outside jlab (setns by
 * {@code nsenter} in another terminal) and is not a descendant of the container thread or the init: when
 * the container has a /proc of its own and it lists more processes than the walk found, or a children
 * file is missing, the inspector falls back to the full scan of /proc.
 */
public final class PidsInspector implements Inspector<ProcessSnapshot> {

    private static final List<String> COLUMNS = List.of("PID", "NSpid", "PPid", "state", "command");
    private static final String EMPTY = "the pid namespace is empty: once its PID 1 has exited no process can"
            + " enter it again (fork fails with ENOMEM)";

    @Override
    public String name() {
        return "pids";
    }

    @Override
    public List<String> aliases() {
        return List.of("ps", "processes");
    }

    @Override
    public String describe() {
        return "processes in the container's pid namespace, with their pid at every level (NSpid)";
    }

    @Override
    public ProcessSnapshot snapshot(InspectTarget target) {
        ProcFs proc = target.proc();
        Optional<NamespaceId> ns = containerPidNamespace(target);
        if (ns.isEmpty()) {
            // pid_for_children cannot be read between unshare(CLONE_NEWPID) and the first child
            boolean threadAlive = target.containerTid().isPresent()
                    && proc.namespace(target.hostPid(), target.containerTid().getAsInt(), "pid").isPresent();
            return new ProcessSnapshot(Optional.empty(), List.of(), threadAlive
                    ? "unshare(CLONE_NEWPID) done: the new pid namespace is empty until its PID 1 is spawned"
                    : "no container yet");
        }
        if (ns.equals(target.hostNamespace("pid"))) {
            return new ProcessSnapshot(Optional.empty(), List.of(),
                    "the container shares the host's pid namespace (no CLONE_NEWPID yet)");
        }
        Optional<List<Integer>> roots = roots(target);
        List<Integer> members = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        Map<Integer, ProcStatus> statuses = new java.util.HashMap<>();
        if (roots.isPresent()) {
            walk(proc, ns.get(), roots.get(), members, unreadable, statuses);
        }
        if (roots.isEmpty() || walkMissedSome(target, members.size() + unreadable.size())) {
            members.clear();
            unreadable.clear();
            scan(proc, ns.get(), members, unreadable);
        }
        List<Entry> entries = new ArrayList<>();
        Set<Integer> memberPids = new HashSet<>(members);
        for (int pid : members) {
            Optional.ofNullable(statuses.get(pid)).or(() -> proc.status(pid)).ifPresent(s -> entries.add(entry(proc, s)));
        }
        for (int pid : unreadable) {
            proc.status(pid).filter(ProcStatus::zombie)
                    .filter(s -> memberPids.contains(s.ppid()) || target.initPid().equals(OptionalInt.of(pid)))
                    .ifPresent(s -> entries.add(entry(proc, s)));
        }
        entries.sort(Comparator.comparingInt(Entry::pid));
        return new ProcessSnapshot(ns, entries, entries.isEmpty() ? EMPTY : "");
    }

    /**
     * Where every process of the namespace descends from: the container thread's children (jlab spawns
     * into the container only from that thread, the init among them) and the init. Empty when a children
     * file cannot be read (the thread is gone, or a kernel without CONFIG_PROC_CHILDREN): then only the
     * scan of all of /proc is sure to find them.
     */
    private static Optional<List<Integer>> roots(InspectTarget target) {
        List<Integer> roots = new ArrayList<>();
        if (target.containerTid().isPresent()) {
            Optional<List<Integer>> children = target.proc().children(target.hostPid(), target.containerTid().getAsInt());
            if (children.isEmpty()) return Optional.empty();
            roots.addAll(children.get());
        }
        if (target.initPid().isPresent()) {
            int init = target.initPid().getAsInt();
            if (target.proc().children(init, init).isEmpty()) return Optional.empty();
            roots.add(init);
        }
        return Optional.of(roots);
    }

    /**
     * Walks down from {@code roots} through every thread's children: a process can only be created in the
     * namespace by a process in it or by the thread that made it (its pid_for_children), and an orphan in
     * it is re-parented to its PID 1, so the walk meets every member without reading all of /proc. A
     * process in another (nested) namespace is not followed: its descendants cannot come back up.
     */
    private static void walk(ProcFs proc, NamespaceId ns, List<Integer> roots, List<Integer> members,
                             List<Integer> unreadable, Map<Integer, ProcStatus> statuses) {
        java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>(roots);
        Set<Integer> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            int pid = todo.poll();
            if (!seen.add(pid)) continue;
            Optional<NamespaceId> pidNs = proc.namespace(pid, "pid");
            if (pidNs.isEmpty()) {
                unreadable.add(pid);
            } else if (pidNs.get().equals(ns)) {
                Optional<ProcStatus> status = proc.status(pid);
                if (status.isEmpty()) continue; // gone meanwhile
                members.add(pid);
                statuses.put(pid, status.get());
                // most processes have one thread: its tid is the pid, no need to list task/
                List<Integer> threads = status.get().threads() <= 1 ? List.of(pid) : proc.tasks(pid);
                for (int tid : threads) proc.children(pid, tid).ifPresent(todo::addAll);
            }
        }
    }

    /**
     * Whether the container's own /proc (the one {@code mount-proc} mounted, seen through the init's root)
     * lists more processes than the walk found ({@code found}): then one entered from outside. It is the
     * container's own only when its PID 1 is the init (the same start time); without one, nothing is known.
     */
    private static boolean walkMissedSome(InspectTarget target, int found) {
        if (target.initPid().isEmpty()) return false;
        int init = target.initPid().getAsInt();
        ProcFs inside = new ProcFs(target.proc().processDir(init).resolve("root/proc"));
        var initStart = target.proc().startTime(init);
        if (initStart.isEmpty() || !inside.startTime(1).equals(initStart)) return false;
        try {
            return inside.pids().size() > found;
        } catch (java.io.UncheckedIOException e) {
            return false; // the init ended meanwhile: its root (and that /proc) went with it
        }
    }

    /** Every process on the machine whose ns/pid is {@code ns}: one readlink per process in /proc. */
    private static void scan(ProcFs proc, NamespaceId ns, List<Integer> members, List<Integer> unreadable) {
        for (int pid : proc.pids()) {
            Optional<NamespaceId> pidNs = proc.namespace(pid, "pid");
            if (pidNs.isEmpty()) {
                unreadable.add(pid);
            } else if (pidNs.get().equals(ns)) {
                members.add(pid);
            }
        }
    }

    private static Optional<NamespaceId> containerPidNamespace(InspectTarget target) {
        if (target.containerTid().isPresent()) {
            Optional<NamespaceId> forChildren = target.proc()
                    .namespace(target.hostPid(), target.containerTid().getAsInt(), "pid_for_children");
            if (forChildren.isPresent()) {
                return forChildren;
            }
        }
        if (target.initPid().isPresent()) {
            return target.proc().namespace(target.initPid().getAsInt(), "pid");
        }
        return Optional.empty();
    }

    private static Entry entry(ProcFs proc, ProcStatus s) {
        List<String> argv = proc.cmdline(s.pid());
        String command = argv.isEmpty() ? "[" + s.name() + "]" : String.join(" ", argv);
        return new Entry(s.pid(), s.nsPids(), s.ppid(), s.state(), s.stateWord(), command);
    }

    @Override
    public Annotation show(ProcessSnapshot now) {
        List<Row> rows = now.processes().stream().map(e -> row(Change.SAME, e)).toList();
        List<String> notes = new ArrayList<>();
        situation(now).ifPresent(notes::add);
        now.processes().stream().filter(e -> e.state() == 'Z').forEach(e -> notes.add(zombieNote(e)));
        return new Annotation(name(), COLUMNS, rows, notes);
    }

    /** Every process of {@code after} (unchanged ones too: there are few), plus the ones that left. */
    @Override
    public Annotation diff(ProcessSnapshot before, ProcessSnapshot after) {
        Map<Integer, Entry> was = before.processes().stream()
                .collect(Collectors.toMap(Entry::pid, e -> e, (a, b) -> a, LinkedHashMap::new));
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Entry e : after.processes()) {
            Entry old = was.remove(e.pid());
            if (old == null) {
                rows.add(row(Change.ADDED, e));
                if (e.innermostPid() == 1 && e.nsPids().size() > 1) {
                    notes.add("PID " + e.pid() + " is PID 1 (init) of the new namespace: orphans are re-parented"
                            + " to it, and when it exits the kernel kills every other process in the namespace");
                }
            } else {
                boolean changed = old.state() != e.state() || !old.command().equals(e.command());
                rows.add(row(changed ? Change.CHANGED : Change.SAME, e));
            }
            if (e.state() == 'Z' && (old == null || old.state() != 'Z')) {
                notes.add(zombieNote(e));
            }
        }
        for (Entry gone : was.values()) {
            rows.add(row(Change.REMOVED, gone));
            if (gone.innermostPid() == 1 && gone.nsPids().size() > 1) {
                notes.add("the namespace's PID 1 (host PID " + gone.pid() + ") is gone: the kernel has sent"
                        + " SIGKILL to every other process in the namespace");
            }
        }
        if (!before.situation().equals(after.situation())) {
            situation(after).ifPresent(notes::add);
        }
        return new Annotation(name(), COLUMNS, rows, notes);
    }

    private static Optional<String> situation(ProcessSnapshot s) {
        return s.situation().isEmpty() ? Optional.empty() : Optional.of(s.situation());
    }

    private static String zombieNote(Entry e) {
        return "PID " + e.pid() + " (" + e.innermostPid() + " inside) is a zombie: it has exited, but its parent"
                + " (PID " + e.ppid() + ") has not called wait() for it yet";
    }

    private static Row row(Change change, Entry e) {
        String nsPid = e.nsPids().stream().map(String::valueOf).collect(Collectors.joining("→"));
        return Row.of(change, Integer.toString(e.pid()), nsPid, Integer.toString(e.ppid()),
                e.state() + " (" + e.stateWord() + ")", e.command());
    }
}
