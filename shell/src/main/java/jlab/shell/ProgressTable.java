package jlab.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import de.vandermeer.asciitable.AsciiTable;
import de.vandermeer.asciitable.CWC_LongestLine;
import de.vandermeer.asciithemes.a7.A7_Grids;
import de.vandermeer.asciithemes.u8.U8_Grids;
import de.vandermeer.skb.interfaces.render.HasText;
import de.vandermeer.skb.interfaces.transformers.textformat.TextAlignment;

import jlab.progress.LabProgress;

/** {@code progress}: one row per lab the learner has started (step, tasks, quiz score, time, last seen). */
public final class ProgressTable {
    private static final List<String> HEADER = List.of("lab", "step", "tasks done", "quiz", "time spent", "last seen");
    private static final DateTimeFormatter LAST_SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ProgressTable() {}

    public static List<String> render(List<LabProgress> labs, Style style, ZoneId zone) {
        if (labs.isEmpty()) return List.of("no progress saved yet " + style.dash() + " `start <lab>` begins a lab, `list` shows them");
        List<List<String>> rows = new ArrayList<>();
        for (LabProgress p : labs) {
            rows.add(List.of(p.lab(), p.step() + "/" + p.stepCount() + (p.reached() > p.step() ? " (reached " + p.reached() + ")" : ""),
                    p.tasksDone() + "/" + p.taskCount(),
                    p.questionCount() == 0 ? "-" : p.questionsCorrect() + "/" + p.questionCount(),
                    duration(p.timeSpentSeconds()), lastSeen(p.lastSeen(), zone)));
        }
        AsciiTable t = new AsciiTable();
        t.addRule();
        t.addRow(cells(HEADER));
        t.addRule();
        for (List<String> row : rows) t.addRow(cells(row));
        t.addRule();
        t.setPaddingLeftRight(1);
        t.setTextAlignment(TextAlignment.LEFT);
        t.getContext().setGrid(style.unicode() ? U8_Grids.borderLight() : A7_Grids.minusBarPlus());
        CWC_LongestLine widths = new CWC_LongestLine();
        for (int c = 0; c < HEADER.size(); c++) {
            int w = HEADER.get(c).length();
            for (List<String> row : rows) w = Math.max(w, row.get(c).length());
            widths.add(3, w + 2);
        }
        t.getRenderer().setCWC(widths);
        List<String> out = new ArrayList<>(t.renderAsCollection());
        out.add(style.dim("`results --json` or `--junit` exports these for an instructor; `reset --progress` inside a lab starts it over"));
        return out;
    }

    /** 45s, 12m 05s, 1h 03m. */
    static String duration(long seconds) {
        Duration d = Duration.ofSeconds(Math.max(0, seconds));
        if (d.toHours() > 0) return d.toHours() + "h " + String.format("%02dm", d.toMinutesPart());
        if (d.toMinutes() > 0) return d.toMinutes() + "m " + String.format("%02ds", d.toSecondsPart());
        return d.toSeconds() + "s";
    }

    static String lastSeen(String iso, ZoneId zone) {
        if (iso == null) return "-";
        try {
            return LAST_SEEN.format(Instant.parse(iso).atZone(zone));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** As {@link AnnotationRenderer}: AsciiTable 0.3.2 probes plain Strings for StringTemplate, which the build leaves out. */
    private static Object[] cells(List<String> values) {
        Object[] cells = new Object[values.size()];
        for (int i = 0; i < cells.length; i++) {
            String v = values.get(i);
            cells[i] = (HasText) () -> v;
        }
        return cells;
    }
}
