package jlab.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import jlab.progress.AtomicFiles;
import jlab.progress.ProgressStore;
import jlab.progress.Results;

/**
 * {@code results [--json|--junit] [--out FILE]}, for the shell command and {@code jlab results} alike:
 * the document goes to {@code out} (JSON when no format is named), or atomically into FILE, which under
 * sudo is given to the learner.
 */
public final class ResultsExport {
    public static final String USAGE = "results [--json|--junit] [--out FILE]";

    private ResultsExport() {}

    /** The parsed arguments; {@code file} is null for the terminal. */
    record Request(boolean junit, Path file) {}

    static Request parse(List<String> args) {
        Boolean junit = null;
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--json", "--junit" -> {
                    boolean wantJunit = a.equals("--junit");
                    if (junit != null && junit != wantJunit) throw new ShellException("choose one of --json and --junit");
                    junit = wantJunit;
                }
                case "--out", "-o" -> {
                    if (i + 1 >= args.size()) throw new ShellException("--out needs a file name, e.g. --out results.xml");
                    file = Path.of(args.get(++i));
                }
                default -> throw new ShellException("unknown option '" + a + "' " + Style.PLAIN.dash() + " usage: " + USAGE);
            }
        }
        return new Request(junit != null && junit, file);
    }

    /**
     * Runs the export; {@code out} gets the document or, with --out, one line saying where it went.
     *
     * @throws ShellException with a sentence for the learner (bad option, unwritable file)
     */
    public static void run(List<String> args, ProgressStore store, Instant now, Consumer<String> out) {
        Request r = parse(args);
        var labs = store.all();
        String text = r.junit() ? Results.junit(store.learner(), now, labs) : Results.json(store.learner(), now, labs);
        if (r.file() == null) {
            out.accept(text.stripTrailing());
            return;
        }
        try {
            AtomicFiles.write(r.file(), text.getBytes(StandardCharsets.UTF_8), store.owner());
        } catch (IOException e) {
            throw new ShellException("could not write " + r.file() + " (" + AtomicFiles.describe(e) + ") " + Style.PLAIN.dash()
                    + " choose a writable place with --out");
        }
        out.accept("results of " + labs.size() + " lab" + (labs.size() == 1 ? "" : "s") + " written to " + r.file()
                + " (" + (r.junit() ? "JUnit XML" : "JSON") + ")");
    }
}
