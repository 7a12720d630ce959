package jlab.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import jlab.engine.CgroupControl.CpuSample;

/**
 * A live text chart of one cgroup's CPU use against its cpu.max quota: a bar for the last interval with the
 * quota marked, a history line (one column per sample) and the throttling counters. Feed it cumulative
 * samples; it draws the same number of lines each time, so a terminal can redraw them in place.
 */
public final class CpuThrottleChart {
    private static final String BLOCKS = "▁▂▃▄▅▆▇█";
    private static final String ASCII_LEVELS = "_.-:=+*#";

    private final int width;
    private final boolean unicode;
    private final Deque<Double> history = new ArrayDeque<>();
    private CpuSample first;
    private CpuSample last;
    private double lastShare;

    public CpuThrottleChart(int width, boolean unicode) {
        this.width = Math.max(40, width);
        this.unicode = unicode;
    }

    /** Adds a reading; the share of one CPU since the previous reading joins the history. */
    public void add(CpuSample sample) {
        if (last != null) {
            long wallUsec = Math.max(1, (sample.nanoTime() - last.nanoTime()) / 1000);
            lastShare = Math.max(0, (double) (sample.usageUsec() - last.usageUsec()) / wallUsec);
            history.addLast(lastShare);
            while (history.size() > width - 12) history.removeFirst();
        } else {
            first = sample;
        }
        last = sample;
    }

    /** CPU share of one CPU over everything added so far (0 before two samples). */
    public double averageShare() {
        if (first == null || last == first) return 0;
        long wallUsec = Math.max(1, (last.nanoTime() - first.nanoTime()) / 1000);
        return (double) (last.usageUsec() - first.usageUsec()) / wallUsec;
    }

    /** Always {@link #HEIGHT} lines. */
    public static final int HEIGHT = 4;

    public List<String> render() {
        List<String> lines = new ArrayList<>();
        double quota = last == null ? -1 : last.quotaShare();
        lines.add("cpu.max " + (last == null ? "?" : (quota < 0 ? "max" : last.quotaUsec()) + " " + last.periodUsec())
                + (quota < 0 ? " (no quota)" : " = " + percent(quota) + " of one CPU") + "   — press any key to stop");
        lines.add(bar(lastShare, quota));
        lines.add("history " + sparkline());
        long dThrottled = last == null || first == null ? 0 : last.nrThrottled() - first.nrThrottled();
        long dThrottledUsec = last == null || first == null ? 0 : last.throttledUsec() - first.throttledUsec();
        lines.add(String.format(Locale.ROOT, "nr_throttled %d (+%d)  throttled_usec %d (+%.2f s)  average %s",
                last == null ? 0 : last.nrThrottled(), dThrottled, last == null ? 0 : last.throttledUsec(),
                dThrottledUsec / 1e6, percent(averageShare())));
        return lines;
    }

    /** The bar spans 0..100% of one CPU; the quota is a mark on it. */
    private String bar(double share, double quota) {
        int cells = width - 20;
        int filled = (int) Math.round(Math.min(1, share) * cells);
        int mark = quota < 0 ? -1 : (int) Math.round(Math.min(1, quota) * cells);
        StringBuilder b = new StringBuilder("cpu [");
        for (int i = 0; i < cells; i++) {
            if (i == mark) b.append('|');
            else b.append(i < filled ? (unicode ? '█' : '#') : (unicode ? '·' : '.'));
        }
        return b.append("] ").append(percent(share)).toString();
    }

    private String sparkline() {
        String levels = unicode ? BLOCKS : ASCII_LEVELS;
        StringBuilder b = new StringBuilder();
        for (double share : history) {
            int level = (int) Math.round(Math.min(1, share) * (levels.length() - 1));
            b.append(levels.charAt(level));
        }
        return b.toString();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
