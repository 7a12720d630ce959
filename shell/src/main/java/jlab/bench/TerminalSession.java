package jlab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A program run in a pseudo-terminal of its own (util-linux {@code script}), read until its prompt shows:
 * how long that took from the moment it was started, and the resident memory of the program's
 * processes at that moment. Then it is asked to quit, and killed if it does not.
 */
final class TerminalSession {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[=>]");
    private static final long TIMEOUT_MILLIS = 60_000;

    /** Time to the prompt and the summed VmRSS (kB) of the program's processes then. */
    record Measurement(double millis, long rssKb) {}

    private TerminalSession() {}

    /**
     * Runs {@code command} (a shell command line) in a 120x40 terminal until {@code prompt} appears in its
     * output (escape sequences removed), then types {@code quit}.
     */
    static Measurement measure(String command, Pattern prompt, String quit) throws IOException, InterruptedException {
        Path script = ContainerBench.executable("script")
                .orElseThrow(() -> new IOException("util-linux `script` is needed to give the program a terminal"));
        // Without a size the terminal is 0x0 and line editors draw a truncated prompt.
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "-qfec",
                "stty cols 120 rows 40 2>/dev/null; exec " + command, "/dev/null").redirectErrorStream(true);
        pb.environment().put("TERM", "xterm-256color");
        long start = System.nanoTime();
        Process process = pb.start();
        try {
            double millis = awaitPrompt(process.getInputStream(), prompt, start);
            long rss = residentKb(process.toHandle());
            OutputStream in = process.getOutputStream();
            in.write((quit + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
            Thread drain = Thread.ofVirtual().start(() -> discard(process.getInputStream()));
            if (!process.waitFor(20, TimeUnit.SECONDS)) throw new IOException(command + " did not quit after `" + quit + "`");
            drain.join(1000);
            return new Measurement(millis, rss);
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static double awaitPrompt(InputStream out, Pattern prompt, long start) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = out.read(buffer)) > 0) {
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (prompt.matcher(ANSI.matcher(seen).replaceAll("")).find()) return (System.nanoTime() - start) / 1e6;
            if (System.nanoTime() - start > TIMEOUT_MILLIS * 1_000_000) break;
        }
        String tail = ANSI.matcher(seen).replaceAll("").strip();
        throw new IOException("no prompt /" + prompt + "/ in the output: "
                + tail.substring(Math.max(0, tail.length() - 300)).replace('\n', ' '));
    }

    /** VmRSS of every process below the terminal except the shell script(1) runs it through. */
    private static long residentKb(ProcessHandle script) {
        List<ProcessHandle> all = script.descendants().toList();
        long total = 0;
        for (ProcessHandle p : all) {
            String command = p.info().command().orElse("");
            if (command.endsWith("/sh") || command.endsWith("/bash") || command.endsWith("/dash")) continue;
            total += vmRssKb(p.pid());
        }
        return total;
    }

    static long vmRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // the process has just gone
        }
        return 0;
    }

    private static void discard(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the terminal closed
        }
    }
}
