package jlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * For residue checks of the network lab: the network namespaces (other than the machine's) that this JVM
 * and what it started hold, and how: a thread or a descendant process in one, an open descriptor of
 * one, or an nsfs mount of one under the given ledger bases in any mount namespace on the machine (a
 * container's copy included). A network namespace nothing holds is freed by the kernel with every link
 * in it, veth ends and bridges included. Namespace inode numbers are reused as soon as one is freed, so
 * tests compare what is held, never remembered numbers.
 */
final class NetnsResidue {
    private static final Pattern NET = Pattern.compile("net:\\[(\\d+)]");

    private NetnsResidue() {}

    /** Held namespace inode -> what holds it. */
    static Map<Long, List<String>> held(Path... bases) throws IOException {
        long host = netnsOf(Path.of("/proc/self/ns/net")).orElseThrow(); // the main thread never leaves it
        long self = ProcessHandle.current().pid();
        Map<Long, List<String>> held = new TreeMap<>();
        Map<Long, Long> parents = new HashMap<>();
        List<Path> procs;
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            procs = all.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
        }
        for (Path proc : procs) {
            try {
                String stat = Files.readString(proc.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                parents.put(Long.parseLong(proc.getFileName().toString()), Long.parseLong(f[1]));
            } catch (IOException e) {
                // ended while we looked
            }
        }
        Set<Long> mountNamespaces = new HashSet<>();
        for (Path proc : procs) {
            long pid = Long.parseLong(proc.getFileName().toString());
            try {
                if (descends(pid, self, parents)) {
                    try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                        for (Path task : tasks.toList()) {
                            netnsOf(task.resolve("ns/net")).filter(n -> n != host)
                                    .ifPresent(n -> add(held, n, "thread " + task + " (" + comm(task) + ")"));
                            // A chrooted container's mountinfo hides mounts outside its root: look from the namespace's root.
                            Optional<String> mnt = link(task.resolve("ns/mnt"));
                            if (mnt.isPresent() && mountNamespaces.add((long) mnt.get().hashCode())) {
                                for (String line : fromRootOf(task)) pin(held, line, mnt.get(), pid, bases);
                            }
                        }
                    }
                    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                        for (Path fd : fds.toList()) netnsOf(fd).ifPresent(n -> add(held, n, "descriptor " + fd));
                    }
                }
                Optional<String> mnt = link(proc.resolve("ns/mnt"));
                if (mnt.isPresent() && mountNamespaces.add((long) mnt.get().hashCode())) {
                    for (String line : Files.readAllLines(proc.resolve("mountinfo"))) pin(held, line, mnt.get(), pid, bases);
                }
            } catch (IOException e) {
                // ended while we looked
            }
        }
        return held;
    }

    private static void pin(Map<Long, List<String>> held, String mountinfoLine, String mnt, long pid, Path... bases) {
        String[] f = mountinfoLine.split(" ");
        Matcher m = NET.matcher(f[3]);
        if (m.matches() && under(f[4], bases)) add(held, Long.parseLong(m.group(1)), "mount in " + mnt + " (of pid " + pid + "): " + f[4]);
    }

    /** The mount table of {@code task}'s mount namespace as seen from that namespace's root (nsenter sets it). */
    private static List<String> fromRootOf(Path task) throws IOException {
        Process p = new ProcessBuilder("nsenter", "--mount=" + task.resolve("ns/mnt"), "cat", "/proc/self/mountinfo")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lines;
    }

    private static boolean descends(long pid, long ancestor, Map<Long, Long> parents) {
        for (long p = pid; p > 1; p = parents.getOrDefault(p, 0L)) if (p == ancestor) return true;
        return false;
    }

    private static boolean under(String mountPoint, Path... bases) {
        for (Path b : bases) if (mountPoint.startsWith(b.toAbsolutePath().normalize() + "/")) return true;
        return false;
    }

    private static void add(Map<Long, List<String>> held, long netns, String how) {
        held.computeIfAbsent(netns, k -> new ArrayList<>()).add(how);
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static Optional<Long> netnsOf(Path link) {
        return link(link).map(NET::matcher).filter(Matcher::matches).map(m -> Long.parseLong(m.group(1)));
    }

    private static Optional<String> link(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link).toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
