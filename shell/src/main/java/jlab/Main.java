package jlab;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jlab.lab.LabLoader;
import jlab.lab.LabProblem;
import jlab.lab.LabSearchPath;
import jlab.ledger.Cleanup;
import jlab.ledger.KernelReleaser;
import jlab.ledger.Ledger;
import jlab.ledger.ProcStartTimes;

/**
 * The command line: {@code jlab} opens the shell, {@code jlab start <lab>} goes straight into a lab, and
 * {@code list}, {@code doctor}, {@code validate}, {@code lint}, {@code new}, {@code schema}, {@code cleanup}, {@code progress},
 * {@code results}, {@code help}, {@code --version} answer
 * and exit. Nothing heavy is loaded before it is needed, so the prompt comes quickly.
 */
public final class Main {
    private static final String USAGE = """
            usage: jlab [--labs <dir>]… [command]

              (none)                 open the jlab shell (type `help` there)
              start <lab>            open the shell inside a lab, e.g. `jlab start namespaces`
              start --watch <file>   the same for a lab file you are editing: reloaded when you save it
              list                   list the labs
              doctor                 check this machine: root, kernel, namespaces, overlayfs, cgroups, busybox, JDK
              validate [--json] <file|dir>…
                                     check lab files; every problem with file:line:col and a suggestion
              lint <lab|file|dir>…   run labs for real (root): solutions pass, unsolved tasks fail, quiz answers
                                     grade, live answers resolve, nothing is left behind
              new <id>               scaffold labs/<id>.yaml and lesson-content/<id>/ from a template
                                     (with --labs <dir>: <dir>/<id>.yaml and <dir>/lesson-content/<id>/)
              schema [--write]       print the JSON schema of lab files (--write: update the shipped copy)
              cleanup                remove what crashed jlab sessions left behind (mounts, processes, dirs)
              progress               your progress across the labs (saved in $XDG_STATE_HOME/jlab)
              results [--json|--junit] [--out FILE]
                                     export your results for an instructor (see PROGRESS.md)
              bench [which] [--json] measure start-up, containers, snapshots, network against reference tools
              help                   this text
              --version              jlab's version

            Labs are looked up in the --labs directories, then in $JLAB_LABS (dir:dir:…, earlier wins), then in
            the repository's labs/. A lab's lesson files are in lesson-content/ beside it or beside its directory.

            Handled by the ./jlab launcher itself (as root):
              setup                  install what is missing (apt) and build jlab
              test                   run the whole test suite, as CI does (mvn -B verify)

            Labs need root (they create namespaces and mounts): sudo ./jlab start namespaces
            """;

    private Main() {}

    public static void main(String[] args) {
        int status = run(Arrays.asList(args), System.out, System.err);
        if (status != 0 || args.length > 0) System.exit(status);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Path home = JlabHome.find();
        LabDirOptions options;
        try {
            options = LabDirOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("jlab: " + e.getMessage());
            return 2;
        }
        args = options.rest();
        LabSearchPath labs = LabSearchPath.of(options.directories(), System.getenv(LabSearchPath.ENV), home);
        String command = args.isEmpty() ? "" : args.getFirst();
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        switch (command) {
            case "" -> { return ShellLauncher.open(home, labs, List.of()); }
            case "start" -> {
                if (rest.isEmpty()) {
                    err.println("jlab start: which lab? try `jlab list`");
                    return 2;
                }
                if (rest.getFirst().equals("--watch")) {
                    if (rest.size() != 2) {
                        err.println("usage: jlab start --watch <lab file>   (reloads the lab when you save the file)");
                        return 2;
                    }
                    Path file = Path.of(rest.get(1));
                    if (!java.nio.file.Files.isRegularFile(file)) {
                        err.println("jlab start --watch: no file " + file);
                        return 2;
                    }
                    return ShellLauncher.open(home, labs, file, List.of("start " + LabLoader.fileId(file)));
                }
                return ShellLauncher.open(home, labs, List.of("start " + String.join(" ", rest)));
            }
            case "list" -> { return list(home, labs, out); }
            case "doctor" -> { return Doctoring.run(out); }
            case "validate" -> { return Validating.validate(home, labs, rest, out, err); }
            case "lint" -> { return Linting.run(home, labs, rest, out, err); }
            case "new" -> { return Scaffolding.run(home, labs.directories().getFirst(), rest, out, err); }
            case "schema" -> {
                try {
                    return Validating.schema(home, rest, out);
                } catch (java.io.IOException e) {
                    err.println("jlab schema: " + e.getMessage());
                    return 1;
                }
            }
            case "cleanup" -> { return cleanup(out, err); }
            case "progress", "results" -> { return ProgressReports.run(command, rest, out, err); }
            case "--train" -> { return Training.run(home); }
            case "bench" -> { return jlab.bench.Bench.run(rest, Kernel.syscalls(), home, Privileges.root(), out, err); }
            case "help", "-h", "--help" -> {
                out.print(USAGE);
                return 0;
            }
            case "--version", "-V", "version" -> {
                out.println("jlab " + version() + " (Java " + Runtime.version() + ")");
                return 0;
            }
            default -> {
                err.println("jlab: unknown command '" + command + "'" + suggestion(command) + "\n");
                err.print(USAGE);
                return 2;
            }
        }
    }

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static String suggestion(String command) {
        List<String> known = List.of("start", "list", "doctor", "validate", "lint", "new", "schema", "cleanup", "bench", "help", "progress", "results");
        return known.stream().filter(k -> k.startsWith(command.substring(0, Math.min(2, command.length()))))
                .findFirst().map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    private static int list(Path home, LabSearchPath labs, PrintStream out) {
        LabLibrary library = new LabLibrary(home, out::println, Ledger.DEFAULT_BASE, labs);
        var listing = library.catalog().list();
        int idWidth = listing.labs().stream().mapToInt(l -> l.id().length()).max().orElse(0) + 2;
        for (var lab : listing.labs()) {
            String origin = library.origin(lab.source());
            out.printf("%-" + idWidth + "s%s (%d steps)%s%n", lab.id(), lab.title(), lab.stepCount(),
                    origin == null ? "" : " from " + origin);
            if (lab.summary() != null) out.printf("%-" + idWidth + "s%s%n", "", lab.summary());
        }
        for (LabProblem p : listing.problems()) out.println(p.render());
        return listing.problems().isEmpty() ? 0 : 1;
    }

    private static int cleanup(PrintStream out, PrintStream err) {
        if (!Privileges.root()) {
            err.println("jlab cleanup removes mounts and processes, which needs root: sudo ./jlab cleanup");
            return 1;
        }
        try {
            var report = new Cleanup(Ledger.DEFAULT_BASE, ProcStartTimes.system(), KernelReleaser.system(Kernel.syscalls())).run();
            report.lines().forEach(out::println);
            if (report.cleaned().isEmpty()) out.println("nothing to clean: no dead jlab sessions");
            return report.clean() ? 0 : 1;
        } catch (java.io.IOException e) {
            err.println("jlab cleanup: " + e.getMessage());
            return 1;
        }
    }
}
