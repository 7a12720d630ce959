package jlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The machine's mount table as residue checks compare it: every line of {@code /proc/self/mountinfo} except
 * the mounts inside the jlab session directory ({@code s<pid>-<hex>}, the ledger's naming) of another
 * process that is still running, which come and go while a learner or a second test run uses jlab beside
 * this one. On CI nothing else runs, so this drops nothing there. Mounts of this JVM's own sessions, and of
 * sessions whose process is gone (a crashed child JVM whose leftovers a test expects cleanup to remove),
 * are always kept.
 */
public final class HostMounts {
    private static final Pattern SESSION_DIR = Pattern.compile("/s(\\d+)-[0-9a-f]{6}(/|$)");
    private static final long SELF = ProcessHandle.current().pid();

    private HostMounts() {}

    public static List<String> lines() {
        try {
            return ours(Files.readAllLines(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same as one string, for {@code contains} checks. */
    public static String text() {
        return String.join("\n", lines()) + "\n";
    }

    static List<String> ours(List<String> mountinfo) {
        return mountinfo.stream().filter(line -> {
            String[] f = line.split(" ", 6);
            if (f.length < 5) return true;
            var m = SESSION_DIR.matcher(f[4]);
            if (!m.find()) return true;
            long owner = Long.parseLong(m.group(1));
            return owner == SELF || ProcessHandle.of(owner).map(p -> !p.isAlive()).orElse(true);
        }).toList();
    }
}
