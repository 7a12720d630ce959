package jlab.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints results as a table for people, or as JSON for tracking over time. */
final class Report {
    private Report() {}

    static void text(Machine machine, List<Result> results, PrintStream out) {
        out.println("jlab bench " + Machine.DASH + " " + machine.describe());
        for (Result r : results) {
            out.println();
            out.println(r.name() + ": " + r.what());
            out.println("  " + r.runs() + " run(s) each, interleaved, after " + r.warmup() + " warm-up round(s)");
            out.printf(Locale.ROOT, "  %-44s %10s %10s %10s%n", "", "min", "median", "max");
            for (Samples s : r.contenders()) {
                if (s.available()) {
                    out.printf(Locale.ROOT, "  %-44s %10s %10s %10s%n", s.name(), Format.ms(s.min()), Format.ms(s.median()), Format.ms(s.max()));
                } else {
                    out.printf(Locale.ROOT, "  %-44s %s%n", s.name(), "not measured: " + s.reason());
                }
            }
            if (r.contenders().size() > 1) {
                out.println("  ratio jlab/" + r.contenders().get(1).name() + ": " + Format.number(r.ratio()));
            }
            for (Result.Figure f : r.figures()) {
                out.println("  " + f.name() + ": " + Format.number(f.value()) + " " + f.unit()
                        + " (target <= " + Format.number(f.limit()) + " " + f.unit() + (f.met() ? ", met)" : ", MISSED)"));
            }
            out.println("  target " + r.target().description() + ": " + verdict(r));
            for (String note : r.notes()) out.println("  note: " + note);
        }
    }

    private static String verdict(Result r) {
        if (!r.subject().available()) return "not measured";
        double value = r.target().ratio() ? r.ratio() : r.subject().median();
        if (Double.isNaN(value)) return "not measured (no reference)";
        String unit = r.target().ratio() ? "" : " ms";
        return (value <= r.target().limit() ? "met (" : "MISSED by " + Format.number(value / r.target().limit()) + "x (")
                + Format.number(value) + unit + ")";
    }

    static void json(Machine machine, List<Result> results, PrintStream out) {
        StringBuilder b = new StringBuilder("{\"machine\":").append(machine.json()).append(",\"benchmarks\":[");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            if (i > 0) b.append(',');
            b.append("{\"name\":").append(str(r.name())).append(",\"what\":").append(str(r.what()))
                    .append(",\"runs\":").append(r.runs()).append(",\"warmup\":").append(r.warmup())
                    .append(",\"target\":").append(str(r.target().description()))
                    .append(",\"ratio\":").append(num(r.ratio())).append(",\"met\":").append(r.met())
                    .append(",\"contenders\":[");
            for (int k = 0; k < r.contenders().size(); k++) {
                Samples s = r.contenders().get(k);
                if (k > 0) b.append(',');
                b.append("{\"name\":").append(str(s.name()));
                if (s.available()) {
                    b.append(",\"min_ms\":").append(num(s.min())).append(",\"median_ms\":").append(num(s.median()))
                            .append(",\"max_ms\":").append(num(s.max())).append(",\"n\":").append(s.millis().size());
                } else {
                    b.append(",\"unavailable\":").append(str(s.reason()));
                }
                b.append('}');
            }
            b.append("],\"figures\":[");
            for (int k = 0; k < r.figures().size(); k++) {
                Result.Figure f = r.figures().get(k);
                if (k > 0) b.append(',');
                b.append("{\"name\":").append(str(f.name())).append(",\"value\":").append(num(f.value()))
                        .append(",\"unit\":").append(str(f.unit())).append(",\"limit\":").append(num(f.limit()))
                        .append(",\"met\":").append(f.met()).append('}');
            }
            b.append("],\"notes\":[");
            for (int k = 0; k < r.notes().size(); k++) b.append(k > 0 ? "," : "").append(str(r.notes().get(k)));
            b.append("]}");
        }
        out.println(b.append("]}"));
    }

    static String num(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
