package jlab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jlab.kernel.Syscalls;
import jlab.sandbox.BusyboxRootfs;

/**
 * {@code jlab bench [all|startup|container|snapshot|network] [--json] [--runs N] [--warmup N]}: runs the
 * chosen benchmarks in this process and prints each contender's min/median/max and jlab's ratio to the
 * reference tool. The figures are for people and for tracking; the test suite never asserts on them.
 */
public final class Bench {
    public static final String USAGE = "usage: jlab bench [all|startup|container|snapshot|network] [--json] [--runs N] [--warmup N]";
    private static final List<String> ALL = List.of("startup", "container", "snapshot", "network");

    private Bench() {}

    /** Options as parsed; {@code runs} and {@code warmup} are -1 for each benchmark's own default. */
    record Options(List<String> benchmarks, boolean json, int runs, int warmup) {
        static Options parse(List<String> args) {
            List<String> names = new ArrayList<>();
            boolean json = false;
            int runs = -1, warmup = -1;
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--json" -> json = true;
                    case "--runs", "--warmup" -> {
                        if (i + 1 >= args.size()) throw new IllegalArgumentException(a + " needs a number");
                        int n = number(a, args.get(++i));
                        if (a.equals("--runs")) runs = n;
                        else warmup = n;
                    }
                    case "all" -> names.addAll(ALL);
                    case "startup", "container", "snapshot", "network" -> names.add(a);
                    default -> throw new IllegalArgumentException("unknown benchmark or option '" + a + "'");
                }
            }
            if (names.isEmpty()) names.addAll(ALL);
            if (runs == 0) throw new IllegalArgumentException("--runs must be at least 1");
            return new Options(List.copyOf(new java.util.LinkedHashSet<>(names)), json, runs, warmup);
        }

        private static int number(String option, String value) {
            try {
                int n = Integer.parseInt(value);
                if (n < 0) throw new NumberFormatException();
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
            }
        }

        int runs(int byDefault) { return runs > 0 ? runs : byDefault; }

        int warmup(int byDefault) { return warmup >= 0 ? warmup : byDefault; }
    }

    public static int run(List<String> args, Syscalls kernel, Path home, boolean root, PrintStream out, PrintStream err) {
        return run(args, kernel, home, jlab.ledger.Ledger.DEFAULT_BASE, root, out, err);
    }

    /** As above, with the network benchmark's session ledger under {@code ledgerBase} (tests use a temp dir). */
    public static int run(List<String> args, Syscalls kernel, Path home, Path ledgerBase, boolean root, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("jlab bench: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        List<Result> results = new ArrayList<>();
        int status = 0;
        Workspace workspace = null;
        try {
            for (String name : options.benchmarks()) {
                if (Set.of("container", "snapshot", "network").contains(name) && !root) {
                    err.println(name + ": needs root (it creates namespaces, mounts and links): sudo ./jlab bench " + name);
                    status = 1;
                    continue;
                }
                err.println("running " + name + " …");
                if (workspace == null && Set.of("container", "snapshot").contains(name)) workspace = Workspace.create(BusyboxRootfs.DEFAULT_BUSYBOX);
                results.add(switch (name) {
                    case "startup" -> new StartupBench(home, root).run(options.warmup(1), options.runs(5));
                    case "container" -> new ContainerBench(kernel, workspace).run(options.warmup(3), options.runs(30));
                    case "snapshot" -> new SnapshotBench(kernel, workspace).run(options.warmup(5), options.runs(50));
                    case "network" -> new NetworkBench(kernel, ledgerBase).run(options.warmup(3), options.runs(20));
                    default -> throw new IllegalStateException(name);
                });
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("jlab bench: " + e.getMessage());
            status = 1;
        } finally {
            if (workspace != null) workspace.close();
        }
        Machine machine = Machine.current();
        if (options.json()) Report.json(machine, results, out);
        else Report.text(machine, results, out);
        return status;
    }
}
