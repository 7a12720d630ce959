package jlab.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;
import jlab.kernel.Namespace;
import jlab.proc.NamespaceId;
import jlab.proc.ProcFs;

/** One row per /proc/PID/ns link: the host's inode, the container's, and whether they are shared. */
public final class NamespacesInspector implements Inspector<NamespaceSnapshot> {

    private static final List<String> COLUMNS = List.of("namespace", "host", "container", "meaning");
    private static final String PID_FOR_CHILDREN = "pid_for_children";

    @Override
    public String name() {
        return "namespaces";
    }

    @Override
    public List<String> aliases() {
        return List.of("ns");
    }

    @Override
    public String describe() {
        return "namespaces of the host and of the container (/proc/PID/ns)";
    }

    @Override
    public NamespaceSnapshot snapshot(InspectTarget target) {
        ProcFs proc = target.proc();
        Map<String, NamespaceId> host = target.hostNamespaces();
        if (target.containerTid().isPresent()) {
            int tid = target.containerTid().getAsInt();
            Map<String, NamespaceId> links = proc.namespaces(target.hostPid(), tid);
            if (!links.isEmpty()) {
                return new NamespaceSnapshot(host, links, Optional.of("thread " + tid));
            }
        }
        if (target.initPid().isPresent()) {
            int init = target.initPid().getAsInt();
            Map<String, NamespaceId> links = proc.namespaces(init);
            if (!links.isEmpty()) {
                return new NamespaceSnapshot(host, links, Optional.of("init " + init));
            }
        }
        return new NamespaceSnapshot(host, Map.of(), Optional.empty());
    }

    @Override
    public Annotation show(NamespaceSnapshot now) {
        List<Row> rows = new ArrayList<>();
        for (String link : links(now, now)) {
            rows.add(row(Change.SAME, link, now));
        }
        List<String> notes = now.containerView()
                .map(v -> List.of("container column: the namespaces of " + v))
                .orElse(List.of("no container yet: the container column is empty"));
        return new Annotation(name(), COLUMNS, rows, notes);
    }

    @Override
    public Annotation diff(NamespaceSnapshot before, NamespaceSnapshot after) {
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String link : links(before, after)) {
            boolean hostChanged = !Objects.equals(before.host().get(link), after.host().get(link));
            boolean containerChanged = !before.effectiveContainer(link).equals(after.effectiveContainer(link));
            rows.add(row(hostChanged || containerChanged ? Change.CHANGED : Change.SAME, link, after));
            if (hostChanged) {
                notes.add("the host's " + link + " namespace changed: the JVM's main thread was moved;"
                        + " namespaced work belongs on the container thread");
            }
            if (containerChanged && after.containerView().isPresent()) {
                notes.add(containerNote(link, before, after));
            }
        }
        if (before.containerView().isEmpty() && after.containerView().isPresent()
                && rows.stream().allMatch(r -> r.change() == Change.SAME)) {
            notes.add("the container (" + after.containerView().get()
                    + ") shares every namespace with the host so far");
        }
        if (before.containerView().isPresent() && after.containerView().isEmpty()) {
            notes.add("the container is gone: its namespaces went with its last thread and process");
        }
        return new Annotation(name(), COLUMNS, rows, notes);
    }

    private static List<String> links(NamespaceSnapshot a, NamespaceSnapshot b) {
        return ProcFs.NS_LINKS.stream()
                .filter(l -> a.host().containsKey(l) || b.host().containsKey(l) || a.container().containsKey(l)
                        || b.container().containsKey(l))
                .toList();
    }

    private static Row row(Change change, String link, NamespaceSnapshot s) {
        boolean present = s.containerView().isPresent();
        NamespaceId host = s.host().get(link);
        NamespaceId container = s.container().get(link);
        String containerCell = container != null ? inode(container)
                : present && link.equals(PID_FOR_CHILDREN) ? "pending" : "—";
        return Row.of(change, link, host == null ? "—" : inode(host), containerCell, meaning(link, s));
    }

    private static String meaning(String link, NamespaceSnapshot s) {
        if (s.containerView().isEmpty()) {
            return "no container yet";
        }
        NamespaceId container = s.container().get(link);
        if (container == null) {
            return link.equals(PID_FOR_CHILDREN) ? "new — born with the first child, its PID 1" : "unreadable";
        }
        if (!container.equals(s.host().get(link))) {
            return "new — only this container";
        }
        if (link.equals("pid") && !container.equals(s.container().get(PID_FOR_CHILDREN))) {
            return "shared with host (a process never changes its own pid namespace)";
        }
        return "shared with host";
    }

    private static String containerNote(String link, NamespaceSnapshot before, NamespaceSnapshot after) {
        Optional<NamespaceId> was = before.effectiveContainer(link);
        Optional<NamespaceId> now = after.effectiveContainer(link);
        if (link.equals(PID_FOR_CHILDREN)) {
            if (now.isEmpty()) {
                return "pid stays, pid_for_children is pending: unshare(CLONE_NEWPID) prepared a new pid namespace;"
                        + " it comes to life with the next child, which becomes its PID 1";
            }
            if (was.isEmpty()) {
                return "pid_for_children now reads " + now.get() + ": the new pid namespace has its PID 1";
            }
            if (before.effectiveContainer("pid").equals(after.effectiveContainer("pid"))) {
                return "pid stays, pid_for_children changed: the next child is PID 1 of a new namespace";
            }
        }
        if (link.equals("time_for_children")) {
            return "time stays, time_for_children changed: children get their own boot and monotonic clocks"
                    + " (offsets in /proc/PID/timens_offsets can be set until the first child)";
        }
        return Namespace.parse(link)
                .map(ns -> link + " changed: the container now has its own " + ns.isolates()
                        + " (" + ns.flagName() + ")")
                .orElse(link + " changed");
    }

    private static String inode(NamespaceId id) {
        return Long.toString(id.inode());
    }
}
