package jlab.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jlab.events.EventRecording.Fate;
import jlab.kernel.Signal;

/**
 * Turns a recording into what the learner reads: a one-line summary ("jlab started sh. sh forked 3 children;
 * 3 exited; nobody waited (3 zombies left)": one sentence per parent) and a timeline, one row per event with the time since listening began,
 * the pid inside the container and on the host, the parent, the program and how it ended. "Nobody waited"
 * is said only of children that exited and were still zombies (state Z) when the recording stopped.
 */
public final class EventTimeline {
    private EventTimeline() {}

    /** One sentence of what happened. */
    public static String summary(EventRecording r) {
        if (r.failed()) return r.problem();
        if (r.events().isEmpty()) return "no process of the container forked, ran a program or exited";
        List<String> clauses = new ArrayList<>();
        Map<Integer, List<ProcessRef>> childrenByParent = new LinkedHashMap<>();
        Map<Integer, ProcessRef> parents = new LinkedHashMap<>();
        List<Integer> forked = new ArrayList<>();
        for (ObservedEvent e : r.events()) {
            if (e.event() instanceof ProcEvent.Fork) {
                parents.putIfAbsent(e.parent().hostPid(), e.parent());
                childrenByParent.computeIfAbsent(e.parent().hostPid(), k -> new ArrayList<>()).add(e.process());
                forked.add(e.process().hostPid());
            }
        }
        for (var entry : childrenByParent.entrySet()) {
            ProcessRef parent = parents.get(entry.getKey());
            List<ProcessRef> children = entry.getValue();
            if (parent.isJlab()) {
                clauses.add("jlab started " + String.join(", ", children.stream().map(c -> program(r, c.hostPid())).toList()));
            } else {
                clauses.add(called(parent) + " forked " + count(children.size(), "child", "children") + childFates(r, children));
            }
        }
        List<String> earlier = new ArrayList<>();
        for (ObservedEvent e : r.events()) {
            if (e.event() instanceof ProcEvent.Exit x && !forked.contains(e.process().hostPid())) {
                earlier.add(called(e.process()) + (e.process().name().equals(ProgramNames.UNKNOWN) ? " " : " (pid " + pid(e.process().containerPid()) + ") ") + ending(x));
            }
        }
        clauses.addAll(earlier);
        return clauses.isEmpty() ? "the container's processes ran new programs" : String.join(". ", clauses);
    }

    private static String childFates(EventRecording r, List<ProcessRef> children) {
        int exited = 0, zombies = 0, reaped = 0;
        for (ProcessRef c : children) {
            if (!exitedIn(r, c.hostPid())) continue;
            exited++;
            switch (r.fate(c.hostPid())) {
                case ZOMBIE -> zombies++;
                case REAPED -> reaped++;
                default -> { }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("; ").append(exited == 0 ? "none exited" : exited + " exited");
        if (exited > 0 && zombies == exited) s.append("; nobody waited (").append(count(zombies, "zombie", "zombies")).append(" left)");
        else if (exited > 0 && reaped == exited) s.append(exited == 1 ? "; reaped" : "; all reaped");
        else if (zombies > 0 || reaped > 0) s.append("; ").append(reaped).append(" reaped, ").append(count(zombies, "zombie", "zombies")).append(" left");
        int running = children.size() - exited;
        if (running > 0 && exited > 0) s.append("; ").append(running).append(" still running");
        return s.toString();
    }

    private static boolean exitedIn(EventRecording r, int hostPid) {
        return r.events().stream().anyMatch(e -> e.event() instanceof ProcEvent.Exit && e.process().hostPid() == hostPid);
    }

    /** The program a process ran after its first exec, or the name it was forked with. */
    private static String program(EventRecording r, int hostPid) {
        for (ObservedEvent e : r.events()) {
            if (e.event() instanceof ProcEvent.Exec && e.process().hostPid() == hostPid) return called(e.process());
        }
        return r.events().stream().filter(e -> e.process().hostPid() == hostPid).findFirst().map(e -> called(e.process())).orElse("?");
    }

    /** Its name, or "pid N" when no reading of /proc could name it. */
    private static String called(ProcessRef p) {
        return p.name().equals(ProgramNames.UNKNOWN) ? "pid " + pid(p.containerPid()) : p.name();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** {@code exit 0}, or {@code killed by SIGKILL}. */
    public static String ending(ProcEvent.Exit x) {
        return x.killed() ? "killed by " + Signal.describe(x.signal()) : "exit " + x.status();
    }

    private static String pid(int containerPid) {
        return containerPid == ProcessRef.UNKNOWN ? "?" : containerPid == ProcessRef.OUTSIDE ? "-" : String.valueOf(containerPid);
    }

    /** The summary and the table of events, ready to print. */
    public static List<String> render(EventRecording r) {
        List<String> lines = new ArrayList<>();
        lines.add(r.label() + ": " + summary(r));
        if (r.failed() || r.events().isEmpty()) return lines;
        // as wide as a row's "%+7.1f ms", so every heading stands over its column
        lines.add(String.format(Locale.ROOT, "  %10s  %-14s %-5s %-18s %-16s %s", "time", "pid (host)", "event", "parent", "program", "how it ended"));
        for (ObservedEvent e : r.events()) lines.add(row(r, e));
        if (r.lost() > 0) {
            lines.add("  (the kernel dropped " + r.lost() + " batch(es) of events for lack of buffer space: this list may be incomplete)");
        }
        return lines;
    }

    private static String row(EventRecording r, ObservedEvent e) {
        double ms = (e.event().timestampNs() - r.startNs()) / 1_000_000.0;
        ProcessRef p = e.process();
        String who = pid(p.containerPid()) + " (" + p.hostPid() + ")";
        String parent = e.parent() == null ? "" : e.parent().isJlab() ? "jlab" : pid(e.parent().containerPid()) + " " + e.parent().name();
        String kind = switch (e.event()) {
            case ProcEvent.Fork f -> "fork";
            case ProcEvent.Exec x -> "exec";
            case ProcEvent.Exit x -> "exit";
            default -> "?";
        };
        String result = "";
        if (e.event() instanceof ProcEvent.Exit x) {
            result = ending(x) + switch (r.fate(p.hostPid())) {
                case ZOMBIE -> ", zombie: not waited for";
                case REAPED -> ", reaped";
                default -> "";
            };
        }
        return String.format(Locale.ROOT, "  %+7.1f ms  %-14s %-5s %-18s %-16s %s", ms, who, kind, parent, p.name(), result).stripTrailing();
    }
}
