package jlab;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import jlab.progress.FileProgressStore;
import jlab.shell.ProgressTable;
import jlab.shell.ResultsExport;
import jlab.shell.ShellException;
import jlab.shell.Style;

/** {@code jlab progress} and {@code jlab results}: the shell's commands of the same names, without the shell. */
final class ProgressReports {
    private ProgressReports() {}

    static int run(String command, List<String> args, PrintStream out, PrintStream err) {
        var store = FileProgressStore.forInvokingUser(err::println);
        try {
            if (command.equals("progress")) {
                if (!args.isEmpty()) throw new ShellException("usage: jlab progress");
                ProgressTable.render(store.all(), style(), ZoneId.systemDefault()).forEach(out::println);
            } else {
                ResultsExport.run(args, store, Instant.now(), out::println);
            }
            return 0;
        } catch (ShellException e) {
            err.println("jlab " + command + ": " + e.getMessage());
            return 1;
        }
    }

    /** Unicode borders on a UTF-8 terminal, never colours: this output is often piped or saved. */
    private static Style style() {
        String lang = "";
        for (String name : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String v = System.getenv(name);
            if (v != null && !v.isBlank()) {
                lang = v.toUpperCase(java.util.Locale.ROOT);
                break;
            }
        }
        return new Style(false, lang.contains("UTF-8") || lang.contains("UTF8"));
    }
}
