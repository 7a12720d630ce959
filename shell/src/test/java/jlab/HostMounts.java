package jlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The machine's mount table as residue checks compare it: every line of {@code /proc/self/mountinfo} except
 * the mounts inside another process's jlab session directory ({@code s<pid>-<hex>}, the ledger's naming),
 * which come and go while a learner or a second test run uses jlab beside this one. On CI nothing else
 * runs, so this drops nothing there; mounts of this JVM's own sessions are always kept.
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
            return !m.find() || Long.parseLong(m.group(1)) == SELF;
        }).toList();
    }
}
