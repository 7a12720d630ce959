package jlab.shell;

import java.util.ArrayList;
import java.util.List;

import jlab.engine.LabSession;

/** Knows one lab, "demo", and hands out {@link FakeLabSession}s (kept for the test to inspect). */
final class FakeLabs implements Labs {

    private final ScriptConsole console;
    final List<FakeLabSession> started = new ArrayList<>();

    FakeLabs(ScriptConsole console) {
        this.console = console;
    }

    @Override public List<LabSummary> list() {
        return List.of(new LabSummary("demo", "A demo lab", "Three steps, a task and a quiz.", 3));
    }

    @Override public LabSession start(String id) {
        if (!id.equals("demo")) {
            throw new ShellException("unknown lab '" + id + "'" + DidYouMean.suggest(id, List.of("demo"))
                    .map(s -> " (did you mean '" + s + "'?)").orElse(""));
        }
        FakeLabSession s = new FakeLabSession(console);
        s.predicts = predictions;
        started.add(s);
        return s;
    }

    /** Sessions started from now on predict step 3's zombies before it runs. */
    boolean predictions;

    FakeLabSession last() {
        return started.getLast();
    }
}
