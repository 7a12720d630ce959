package jlab.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jlab.inspect.PidsInspector;
import jlab.inspect.ProcessSnapshot.Entry;

/**
 * The container's processes as the {@code pids} inspector finds them, with each parent numbered as the
 * container sees it: its init is 1, a parent outside the container (jlab, for commands it started) is 0.
 */
record ContainerProcesses(List<Entry> entries) {

    static ContainerProcesses read(ContainerView view) {
        return new ContainerProcesses(new PidsInspector().snapshot(view.target()).processes());
    }

    private Map<Integer, Entry> byPid() {
        return entries.stream().collect(Collectors.toMap(Entry::pid, Function.identity(), (a, b) -> a));
    }

    /** The parent's pid inside the container; 0 when the parent is outside it. */
    int innerPpid(Entry e) {
        Entry parent = byPid().get(e.ppid());
        return parent == null ? 0 : parent.innermostPid();
    }

    Optional<Entry> parent(Entry e) {
        return Optional.ofNullable(byPid().get(e.ppid()));
    }

    List<Entry> zombies() {
        return entries.stream().filter(e -> e.state() == 'Z').toList();
    }
}
