package jlab.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds a directory shaped like /proc for tests: status and mountinfo as plain files, ns links as real
 * symlinks whose target text is {@code mnt:[4026531841]} (readlink returns it as on procfs).
 */
public final class FakeProc {

    private final Path root;

    public FakeProc(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public ProcFs procFs() {
        return new ProcFs(root);
    }

    /** Writes a status file with the lines jlab reads; {@code nsPids} host first. */
    public FakeProc process(int pid, int ppid, String name, String state, List<Integer> nsPids, String... argv) {
        String dir = Integer.toString(pid);
        write(dir + "/status", statusText(pid, ppid, name, state, nsPids));
        write(dir + "/cmdline", argv.length == 0 ? "" : String.join("\0", argv) + "\0");
        write(dir + "/stat", pid + " (" + name + ") " + state.charAt(0) + " " + ppid
                + " 1 1 0 -1 4194304 0 0 0 0 0 0 0 0 20 0 1 0 " + (1000 + pid) + " 0 0 0");
        return this;
    }

    public static String statusText(int pid, int ppid, String name, String state, List<Integer> nsPids) {
        StringBuilder ns = new StringBuilder();
        for (int p : nsPids) {
            ns.append(ns.isEmpty() ? "" : "\t").append(p);
        }
        return "Name:\t" + name + "\nState:\t" + state + "\nTgid:\t" + pid + "\nPid:\t" + pid + "\nPPid:\t" + ppid
                + "\nUid:\t0\t0\t0\t0\nNSpid:\t" + ns + "\nThreads:\t1\n";
    }

    /** ns links of a process, e.g. {@code ns("12", Map.of("pid", 4026531836L))}; dir is "PID" or "PID/task/TID". */
    public FakeProc ns(String dir, Map<String, Long> links) {
        links.forEach((name, inode) -> {
            String type = name.replace("_for_children", "");
            Path link = root.resolve(dir).resolve("ns").resolve(name);
            try {
                Files.createDirectories(link.getParent());
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(type + ":[" + inode + "]"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return this;
    }

    public FakeProc write(String relative, String content) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FakeProc remove(String relative) {
        Path path = root.resolve(relative);
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
