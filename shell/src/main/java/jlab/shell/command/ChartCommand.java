package jlab.shell.command;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jlab.engine.CgroupControl;
import jlab.shell.Console;
import jlab.shell.CpuThrottleChart;
import jlab.shell.ShellException;

/** Draws the lab cgroup's CPU use and throttling live, every 250 ms, until a key (or Ctrl-C) is pressed. */
final class ChartCommand implements Command {
    static final long FRAME_MILLIS = 250;
    /** Keeps a scripted console (which has no keys) from charting forever. */
    static final int MAX_FRAMES_WITHOUT_KEYS = 4;

    @Override public String name() { return "chart"; }

    @Override public List<String> aliases() { return List.of("watch"); }

    @Override public String usage() { return "chart"; }

    @Override public String summary() { return "live chart of the lab cgroup's CPU use and throttling"; }

    @Override public String help() {
        return """
                Draws, every 250 ms, how much CPU the lab's cgroup used in the last interval (as a share of one
                CPU, with cpu.max's quota marked |), a history line, and the throttling counters from cpu.stat
                (nr_throttled, throttled_usec). Press any key to stop.""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!(context.session() instanceof CgroupControl cgroups)) throw new ShellException("this lab has no cgroups to chart");
        if (cgroups.cpuSample().isEmpty()) throw new ShellException("the lab has no cgroup yet " + context.style().dash() + " a later step creates it");
        Console console = context.console();
        boolean inPlace = console.color();
        CpuThrottleChart chart = new CpuThrottleChart(console.width(), console.unicode());
        AtomicBoolean stop = new AtomicBoolean();
        int frames = 0;
        try (Console.InterruptScope ignored = console.onInterrupt(() -> stop.set(true));
             Console.KeyWatch keys = console.watchKeys()) {
            while (!stop.get()) {
                Optional<CgroupControl.CpuSample> sample = cgroups.cpuSample();
                if (sample.isEmpty()) break;
                chart.add(sample.get());
                if (frames++ > 0 && inPlace) context.out().print("\033[" + CpuThrottleChart.HEIGHT + "A");
                for (String line : chart.render()) context.out().print((inPlace ? "\r\033[2K" : "") + line + "\n");
                context.out().flush();
                int key = keys.await(FRAME_MILLIS);
                if (key >= 0) break;
                if (key == -1 && frames >= MAX_FRAMES_WITHOUT_KEYS) break;
                if (key == -1) sleep();
            }
        }
        context.println(String.format(java.util.Locale.ROOT, "average over the chart: %.1f%% of one CPU", chart.averageShare() * 100));
    }

    private static void sleep() {
        try {
            Thread.sleep(FRAME_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
