package jlab.engine;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jlab.engine.LabSession.CheckResult;
import jlab.fs.LayerEntry;
import jlab.fs.OverlayView;
import jlab.fs.PathState;
import jlab.inspect.ProcessSnapshot.Entry;
import jlab.lab.Check;

/** The checks on overlay layers and on the container's processes (zombies, states, parents). */
final class KernelStateChecks {
    private final ContainerView view;

    KernelStateChecks(ContainerView view) {
        this.view = view;
    }

    CheckResult whiteout(Check.WhiteoutCheck c) {
        return overlay(c, c.path(), s -> s.marker() == PathState.Marker.WHITEOUT);
    }

    CheckResult copiedUp(Check.CopiedUpCheck c) {
        return overlay(c, c.path(), s -> s.marker() == PathState.Marker.COPIED_UP);
    }

    CheckResult opaque(Check.OpaqueCheck c) {
        return overlay(c, c.path(), s -> s.upper().filter(LayerEntry::opaque).isPresent());
    }

    private CheckResult overlay(Check check, String path, Predicate<PathState> wanted) {
        OverlayView overlays = view.overlays();
        Optional<PathState> state = overlays.state(path);
        if (state.isEmpty()) {
            return new CheckResult(check.describe(), false, "no overlay is mounted over " + path);
        }
        PathState s = state.get();
        String detail = "upper: " + s.upper().map(LayerEntry::describe).orElse("nothing")
                + ", lower: " + (s.topLower() < 0 ? "nothing" : s.lowers().get(s.topLower()).orElseThrow().describe())
                + (s.marker().word().isEmpty() ? "" : " (" + s.marker().word() + ")");
        return new CheckResult(check.describe(), wanted.test(s), detail);
    }

    CheckResult zombies(Check.ZombiesCheck c) {
        ContainerProcesses processes = ContainerProcesses.read(view);
        Pattern parent = c.parentPattern();
        List<Entry> zombies = processes.zombies().stream()
                .filter(z -> parent == null || processes.parent(z).map(p -> parent.matcher(p.command()).find()).orElse(false))
                .toList();
        int n = zombies.size();
        boolean ok = (c.min() == null || n >= c.min()) && (c.max() == null || n <= c.max());
        return new CheckResult(c.describe(), ok, n + " zombie" + (n == 1 ? "" : "s")
                + (zombies.isEmpty() ? "" : " (PIDs " + zombies.stream().map(z -> String.valueOf(z.pid())).toList() + ")"));
    }

    CheckResult process(Check.ProcessCheck c) {
        ContainerProcesses processes = ContainerProcesses.read(view);
        Pattern command = c.commandPattern();
        List<Entry> named = processes.entries().stream().filter(e -> command.matcher(e.command()).find()).toList();
        List<Entry> matching = named.stream()
                .filter(e -> c.state() == null || String.valueOf(e.state()).equals(c.state()))
                .filter(e -> c.ppid() == null || processes.innerPpid(e) == c.ppid())
                .toList();
        boolean ok = c.count() == null ? !matching.isEmpty() : matching.size() == c.count();
        String detail = named.isEmpty() ? "no process matches /" + c.command() + "/"
                : named.stream().limit(4).map(e -> "PID " + e.pid() + " " + e.state() + " parent " + processes.innerPpid(e)
                        + " (" + abbreviate(e.command()) + ")").toList().toString();
        return new CheckResult(c.describe(), ok, detail);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
