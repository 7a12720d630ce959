package jlab.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads /proc below an injectable root, so tests can point it at a temp dir shaped like /proc.
 * Processes come and go while we read: a file that is missing or vanishes mid-read (the process exited,
 * or it is a zombie whose ns links and mountinfo are gone) gives an empty result, never an exception.
 * Thread-safe and stateless apart from the root.
 */
public final class ProcFs {

    /** The links of /proc/PID/ns, in the order jlab shows them. */
    public static final List<String> NS_LINKS = List.of("mnt", "uts", "ipc", "pid", "pid_for_children", "net",
            "user", "cgroup", "time", "time_for_children");

    private final Path root;

    public ProcFs() {
        this(Path.of("/proc"));
    }

    public ProcFs(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** /proc/PID: the process as its main thread (thread group leader) sees things. */
    public Path processDir(int pid) {
        return root.resolve(Integer.toString(pid));
    }

    /** /proc/PID/task/TID: one thread's own view (its namespaces, root and mounts may differ). */
    public Path taskDir(int pid, int tid) {
        return processDir(pid).resolve("task").resolve(Integer.toString(tid));
    }

    public Optional<ProcStatus> status(int pid) {
        return read(processDir(pid).resolve("status"), ProcStatus::parse);
    }

    public Optional<ProcStatus> taskStatus(int pid, int tid) {
        return read(taskDir(pid, tid).resolve("status"), ProcStatus::parse);
    }

    public Optional<ProcStat> stat(int pid) {
        return read(processDir(pid).resolve("stat"), ProcStat::parse);
    }

    /** Field 22 of stat, in clock ticks since boot; empty when the process is gone. */
    public OptionalLong startTime(int pid) {
        return stat(pid).map(s -> OptionalLong.of(s.startTime())).orElse(OptionalLong.empty());
    }

    public List<MountInfo> mountInfo(int pid) {
        return read(processDir(pid).resolve("mountinfo"), MountInfo::parse).orElse(List.of());
    }

    /** The mount table as thread TID of process PID sees it (relative to that thread's root). */
    public List<MountInfo> mountInfo(int pid, int tid) {
        return read(taskDir(pid, tid).resolve("mountinfo"), MountInfo::parse).orElse(List.of());
    }

    /** The ns links of PID, keyed by link name in {@link #NS_LINKS} order; unreadable links are skipped. */
    public Map<String, NamespaceId> namespaces(int pid) {
        return namespacesIn(processDir(pid).resolve("ns"));
    }

    public Map<String, NamespaceId> namespaces(int pid, int tid) {
        return namespacesIn(taskDir(pid, tid).resolve("ns"));
    }

    /** One ns link of PID, e.g. {@code namespace(pid, "pid")}: a single readlink. */
    public Optional<NamespaceId> namespace(int pid, String link) {
        return readLink(processDir(pid).resolve("ns").resolve(link));
    }

    public Optional<NamespaceId> namespace(int pid, int tid, String link) {
        return readLink(taskDir(pid, tid).resolve("ns").resolve(link));
    }

    public List<CgroupMembership> cgroups(int pid) {
        return read(processDir(pid).resolve("cgroup"), CgroupMembership::parse).orElse(List.of());
    }

    /** The argument vector; empty for kernel threads, zombies and vanished processes. */
    public List<String> cmdline(int pid) {
        return read(processDir(pid).resolve("cmdline"), Cmdline::parse).orElse(List.of());
    }

    /**
     * The argument vector of {@code pid}, which {@code spawner} has just spawned, once the kernel shows the
     * child's own image; empty until then. Right after posix_spawn (a vfork) returns, the child can for a
     * moment still show the spawner's memory, argv and exe included: the kernel wakes the parent before it
     * switches the child to the new image. Then, until the new image's arguments are set up, the argv is empty.
     */
    public List<String> spawnedCmdline(int pid, int spawner) {
        List<String> argv = cmdline(pid);
        return argv.isEmpty() || argv.equals(cmdline(spawner)) ? List.of() : argv;
    }

    /**
     * The children of thread TID of process PID ({@code task/TID/children}: the processes that thread
     * forked or spawned, and orphans re-parented to it); empty when the file is missing (the thread is
     * gone, or the kernel was built without CONFIG_PROC_CHILDREN).
     */
    public Optional<List<Integer>> children(int pid, int tid) {
        String text;
        try {
            text = PseudoFiles.read(taskDir(pid, tid).resolve("children"), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(ints(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The thread ids of PID ({@code task/}), ascending; empty when the process is gone. */
    public List<Integer> tasks(int pid) {
        return numericEntries(processDir(pid).resolve("task"));
    }

    /** Every numeric directory of the root (thread group leaders), ascending. */
    public List<Integer> pids() {
        try {
            return numericEntriesOrThrow(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static List<Integer> numericEntries(Path directory) {
        try {
            return numericEntriesOrThrow(directory);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Integer> numericEntriesOrThrow(Path directory) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    out.add(Integer.parseInt(name));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Space-separated pids, as in a children file. */
    private static List<Integer> ints(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.strip().split("\\s+")) {
            if (!part.isEmpty()) out.add(Integer.parseInt(part));
        }
        return out;
    }

    /**
     * The hostname in the UTS namespace of the calling thread (root/sys/kernel/hostname): the host's
     * when called from an ordinary JVM thread.
     */
    public Optional<String> hostname() {
        return read(root.resolve("sys/kernel/hostname"), String::strip);
    }

    private Map<String, NamespaceId> namespacesIn(Path nsDir) {
        Map<String, NamespaceId> out = new LinkedHashMap<>();
        for (String link : NS_LINKS) {
            readLink(nsDir.resolve(link)).ifPresent(id -> out.put(link, id));
        }
        return out;
    }

    private static Optional<NamespaceId> readLink(Path link) {
        try {
            return Optional.of(NamespaceId.parse(Files.readSymbolicLink(link).toString()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads and parses a file; missing, unreadable (ESRCH; EINVAL for a zombie's mountinfo) or empty means
     * the process is gone. A malformed (truncated) file counts as gone too.
     */
    private static <T> Optional<T> read(Path file, Function<String, T> parser) {
        String text;
        try {
            text = PseudoFiles.read(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
