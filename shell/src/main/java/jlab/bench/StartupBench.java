package jlab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import jlab.bench.Result.Figure;

/**
 * How long a learner waits: {@code jlab} (the launcher, as typed) to its first prompt, {@code jlab start
 * <first lab>} to the first step's prompt (root only: it builds the sandbox) and, for reference, the JDK's
 * {@code jshell} to its prompt, each in a pseudo-terminal of its own. Also jlab's resident memory at the
 * prompt.
 */
final class StartupBench {
    private static final double TARGET_MS = 300, TARGET_RSS_MB = 150;

    private final Path home;
    private final boolean root;

    StartupBench(Path home, boolean root) {
        this.home = home;
        this.root = root;
    }

    Result run(int warmup, int runs) {
        String jlab = quote(home.resolve("jlab").toString());
        List<Long> rss = Collections.synchronizedList(new ArrayList<>());
        List<Interleaved.Contender> contenders = new ArrayList<>();
        contenders.add(new Interleaved.Contender("jlab to `jlab >`", () -> {
            var m = TerminalSession.measure(jlab, Pattern.compile("jlab > "), "quit");
            rss.add(m.rssKb());
            return m.millis();
        }));
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        contenders.add(new Interleaved.Contender("jshell to `jshell>` (JDK " + Runtime.version().feature() + ")",
                () -> TerminalSession.measure(quote(jshell.toString()), Pattern.compile("jshell> "), "/exit").millis()));
        List<String> notes = new ArrayList<>();
        String lab = firstLab();
        if (lab != null && root) {
            contenders.add(new Interleaved.Contender("jlab start " + lab + " to step 1",
                    () -> TerminalSession.measure(jlab + " start " + lab, Pattern.compile(lab + " 1/\\d+ > "), "quit").millis()));
        } else {
            notes.add(lab == null ? "no lab in labs/: no `jlab start` figure" : "`jlab start` needs root: run `sudo ./jlab bench startup` for that figure");
        }
        List<Samples> samples = Interleaved.run(warmup, runs, contenders);
        List<Figure> figures = new ArrayList<>();
        if (!rss.isEmpty()) {
            List<Long> sorted = new ArrayList<>(rss.subList(Math.min(warmup, rss.size() - 1), rss.size()));
            Collections.sort(sorted);
            figures.add(new Figure("jlab resident memory at the prompt (median VmRSS)", sorted.get(sorted.size() / 2) / 1024.0,
                    "MB", TARGET_RSS_MB));
        }
        notes.add("each program runs in a new 120x40 pseudo-terminal (script -qfec); times include starting it");
        return new Result("startup", "launch to the first prompt, in a terminal", runs, warmup, samples,
                Result.Target.medianAtMost(TARGET_MS), figures, notes);
    }

    /** The id of the first lab file, e.g. namespaces. */
    private String firstLab() {
        try (var files = Files.list(home.resolve("labs"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
