package jlab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jlab.engine.LabLinter;
import jlab.engine.LabSession;
import jlab.lab.Lab;
import jlab.lab.LabException;
import jlab.lab.LabLoader;
import jlab.lab.LabSearchPath;

/**
 * {@code jlab lint [lab|file|dir]…}: validates each lab, then takes it for real in a sandbox of its own
 * ({@link LabLinter}) and proves that nothing is left behind: no teardown failure, no mount that mentions the
 * session's directories, no directory left under the lint's private ledger base. Needs root.
 */
final class Linting {
    private Linting() {}

    /** The linter's report plus what the session left behind; both empty means the lab is good. */
    record Outcome(LabLinter.Report report, List<String> residue) {
        boolean ok() {
            return report.ok() && residue.isEmpty();
        }

        List<String> failures() {
            List<String> all = new ArrayList<>(report.failures());
            residue.forEach(r -> all.add("left behind: " + r));
            return all;
        }
    }

    static int run(Path home, List<String> args, PrintStream out, PrintStream err) {
        return run(home, LabSearchPath.standard(home), args, out, err);
    }

    static int run(Path home, LabSearchPath labs, List<String> args, PrintStream out, PrintStream err) {
        if (!Privileges.root()) {
            err.println("jlab lint runs every lab for real (namespaces, mounts), which needs root: sudo ./jlab lint");
            return 1;
        }
        List<Path> files = Validating.targets(home, labs, args);
        int bad = 0;
        for (Path file : files) {
            LabLoader loader = Validating.loaderFor(home, file);
            Lab lab;
            try {
                lab = loader.load(file);
            } catch (LabException e) {
                out.println(e.render() + "\n");
                out.println("✗ " + file + ": invalid, not run (see `jlab validate`)");
                bad++;
                continue;
            }
            Outcome outcome = lint(home, lab, loader.lessonRoot());
            outcome.report().passed().forEach(p -> out.println("  ✓ " + p));
            outcome.failures().forEach(f -> out.println("  ✗ " + f));
            out.println((outcome.ok() ? "✓ " : "✗ ") + lab.id() + " (" + file + "): "
                    + outcome.report().passed().size() + " proven, " + outcome.failures().size() + " failed");
            if (!outcome.ok()) bad++;
        }
        out.println(files.size() + " lab(s) linted, " + bad + " failed");
        return bad == 0 && !files.isEmpty() ? 0 : 1;
    }

    /** Takes {@code lab} in a fresh session whose ledger lives in a private temporary directory. */
    static Outcome lint(Path home, Lab lab, Path lessons) {
        List<String> notices = new ArrayList<>();
        List<String> residue = new ArrayList<>();
        Path base;
        try {
            base = Files.createTempDirectory("jlab-lint-");
        } catch (IOException e) {
            return new Outcome(new LabLinter.Report(lab.id(), List.of(), List.of("no temporary directory: " + e)), List.of());
        }
        LabLinter.Report report;
        try (LabSession session = new LabLibrary(home, notices::add, base).start(lab, lessons)) {
            report = LabLinter.lint(lab, session);
        } catch (RuntimeException e) {
            report = new LabLinter.Report(lab.id(), List.of(), List.of("the lab could not run: " + e.getMessage()));
        }
        notices.stream().filter(n -> n.startsWith("cleanup:")).forEach(residue::add);
        residue.addAll(mountsUnder(base));
        try (var left = Files.list(base)) {
            left.forEach(p -> residue.add("directory " + p));
        } catch (IOException e) {
            residue.add("cannot list " + base + ": " + e.getMessage());
        }
        if (residue.isEmpty()) {
            try {
                Files.delete(base);
            } catch (IOException e) {
                residue.add("cannot remove " + base + ": " + e.getMessage());
            }
        } else {
            // The evidence stays for the author to look at; `jlab cleanup` knows how to remove it safely.
            residue.add("(kept " + base + " for inspection; `jlab cleanup` removes what a session left)");
        }
        return new Outcome(report, residue);
    }

    private static List<String> mountsUnder(Path base) {
        try {
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .filter(line -> line.contains(base.toString())).map(line -> "mount " + line).toList();
        } catch (IOException e) {
            return List.of("cannot read /proc/self/mountinfo: " + e.getMessage());
        }
    }
}
