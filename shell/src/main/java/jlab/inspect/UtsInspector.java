package jlab.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;

/**
 * Hostnames. The host's comes from /proc/sys/kernel/hostname read on an ordinary thread; the container's
 * from the container thread itself, because /proc shows only the reader's own UTS name.
 */
public final class UtsInspector implements Inspector<UtsSnapshot> {

    private static final List<String> COLUMNS = List.of("view", "hostname");

    @Override
    public String name() {
        return "uts";
    }

    @Override
    public List<String> aliases() {
        return List.of("hostname");
    }

    @Override
    public String describe() {
        return "hostname of the host and of the container (UTS namespace)";
    }

    @Override
    public UtsSnapshot snapshot(InspectTarget target) {
        Optional<String> container = target.hasContainer() ? target.containerHostname().get() : Optional.empty();
        return new UtsSnapshot(target.proc().hostname(), container);
    }

    @Override
    public Annotation show(UtsSnapshot now) {
        return new Annotation(name(), COLUMNS, List.of(row(Change.SAME, "host", now.host()),
                row(Change.SAME, "container", now.container())), List.of());
    }

    @Override
    public Annotation diff(UtsSnapshot before, UtsSnapshot after) {
        boolean hostChanged = !before.host().equals(after.host());
        boolean containerChanged = !before.container().equals(after.container());
        List<String> notes = new ArrayList<>();
        if (hostChanged) {
            notes.add("the host's hostname changed: sethostname() ran in the host's UTS namespace");
        }
        if (containerChanged && !hostChanged && before.container().isPresent() && after.container().isPresent()) {
            notes.add("only the container's hostname changed: it has a UTS namespace of its own");
        }
        return new Annotation(name(), COLUMNS, List.of(row(hostChanged ? Change.CHANGED : Change.SAME, "host",
                after.host()), row(containerChanged ? Change.CHANGED : Change.SAME, "container", after.container())),
                notes);
    }

    private static Row row(Change change, String view, Optional<String> hostname) {
        return Row.of(change, view, hostname.orElse("—"));
    }
}
