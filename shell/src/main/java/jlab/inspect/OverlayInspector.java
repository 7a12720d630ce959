package jlab.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jlab.fs.LayerEntry;
import jlab.fs.OverlayView;
import jlab.fs.PathState;
import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;
import jlab.inspect.OverlaySnapshot.Line;
import jlab.proc.MountInfo;
import jlab.proc.ProcFs;

/**
 * The container's overlay mounts in three columns, lower / upper / merged, one row per path of any layer,
 * marked where overlayfs copied a file up, left a whiteout or made a directory opaque. Layers are read
 * through the root of jlab's container thread, which is in the lab's own mount namespace.
 */
public final class OverlayInspector implements Inspector<OverlaySnapshot> {

    private static final List<String> COLUMNS = List.of("path", "lower", "upper", "merged", "overlayfs");


    @Override public String name() { return "overlay"; }

    @Override public List<String> aliases() { return List.of("overlayfs", "layers"); }

    @Override public String describe() {
        return "the container's overlay mounts: lower / upper / merged per path, copy-ups, whiteouts, opaque dirs";
    }

    @Override public OverlaySnapshot snapshot(InspectTarget target) {
        if (target.containerTid().isEmpty()) return new OverlaySnapshot(List.of(), List.of());
        ProcFs proc = target.proc();
        int tid = target.containerTid().getAsInt();
        List<MountInfo> container = target.initPid().isPresent() ? proc.mountInfo(target.initPid().getAsInt()) : List.of();
        OverlayView view = OverlayView.of(proc.mountInfo(target.hostPid(), tid), container,
                proc.taskDir(target.hostPid(), tid).resolve("root"), target.xattrs());
        List<String> overlays = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (OverlayView.Located o : view.overlays()) {
            overlays.add(describe(o));
            boolean layered = o.mount().lowers().size() > 1;
            for (PathState s : view.walk(o)) lines.add(line(s, layered));
        }
        return new OverlaySnapshot(overlays, lines);
    }

    private static String describe(OverlayView.Located o) {
        List<String> lowers = o.lowersInContainer();
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < lowers.size(); i++) layers.append(i == 0 ? "" : ", ").append("L").append(i + 1).append("=").append(lowers.get(i));
        return "overlay at " + o.mountPoint() + ": lower " + layers + (lowers.size() > 1 ? " (L1 on top)" : "")
                + "; upper " + o.upperInContainer();
    }

    private static Line line(PathState s, boolean layered) {
        int top = s.topLower();
        String lower = top < 0 ? "" : (layered ? "L" + (top + 1) + ": " : "") + s.lowers().get(top).orElseThrow().describe();
        return new Line(s.path(), lower, s.upper().map(LayerEntry::describe).orElse(""),
                s.merged().map(LayerEntry::describe).orElse(s.marker() == PathState.Marker.LOWER ? "" : "(hidden)"),
                s.marker().word());
    }

    @Override public Annotation show(OverlaySnapshot now) {
        List<Row> rows = now.lines().stream().map(l -> new Row(Change.SAME, l.cells())).toList();
        List<String> notes = new ArrayList<>(now.overlays());
        if (now.overlays().isEmpty()) notes.add("no overlay is mounted in the container");
        return new Annotation(name(), COLUMNS, rows, notes);
    }

    @Override public Annotation diff(OverlaySnapshot before, OverlaySnapshot after) {
        Map<String, Line> was = new LinkedHashMap<>();
        for (Line l : before.lines()) was.put(l.path(), l);
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String o : after.overlays()) if (!before.overlays().contains(o)) notes.add("mounted: " + o);
        for (String o : before.overlays()) if (!after.overlays().contains(o)) notes.add("unmounted: " + o);
        for (Line l : after.lines()) {
            Line old = was.remove(l.path());
            Change change = old == null ? Change.ADDED : old.equals(l) ? Change.SAME : Change.CHANGED;
            rows.add(new Row(change, l.cells()));
            if (change != Change.SAME && !l.marker().equals(old == null ? "" : old.marker())) {
                note(l).ifPresent(notes::add);
            }
        }
        for (Line gone : was.values()) rows.add(new Row(Change.REMOVED, gone.cells()));
        return new Annotation(name(), COLUMNS, rows, notes);
    }

    private static Optional<String> note(Line l) {
        return switch (l.marker()) {
            case "copy-up" -> Optional.of(l.path() + " was copied up: upper now has its own copy (" + l.upper()
                    + "); the lower file (" + l.lower() + ") is unchanged, and the merged view keeps the lower inode number");
            case "whiteout" -> Optional.of(l.path() + ": deleting a lower file left a whiteout in upper, a character"
                    + " device 0/0 that hides it; the lower file is still there");
            case "opaque" -> Optional.of(l.path() + " is an opaque dir: upper's directory has trusted.overlay.opaque=y,"
                    + " so nothing of the lower directory shows through");
            case "new" -> Optional.of(l.path() + " is new: it exists only in upper");
            default -> Optional.empty();
        };
    }
}
