package jlab.cgroup;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jlab.proc.PseudoFiles;

/**
 * Reads and writes cgroup interface files with errors that teach, and guards every write: jlab writes
 * only below a {@code jlab} directory of a hierarchy, so it can never change the root cgroup, systemd's,
 * or anything else it did not create.
 */
public final class CgroupFiles {
    /** The directory under each hierarchy's root that holds every jlab cgroup. */
    public static final String PARENT = "jlab";

    private CgroupFiles() {}

    /** Refuses {@code dir} unless it is {@code <hierarchy>/jlab} or below it. */
    public static void requireOwned(Path hierarchy, Path dir) {
        Path parent = hierarchy.resolve(PARENT).normalize();
        Path d = dir.normalize();
        if (!d.startsWith(parent)) {
            throw new CgroupException("jlab refuses to change " + d + ": it changes only cgroups it created, below " + parent);
        }
    }

    public static String read(Path file) {
        try {
            return text(file).orElseThrow(() -> new CgroupException("cannot read " + file + ": there is no such file"
                    + (Files.isDirectory(file.getParent()) ? " (is its controller enabled for this cgroup?)" : "")));
        } catch (IOException e) {
            throw new CgroupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static Optional<String> readIfPresent(Path file) {
        try {
            return text(file);
        } catch (IOException e) {
            throw new CgroupException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file's text, empty when it does not exist; one open and a read into a reused buffer (see
     * {@link PseudoFiles}): the inspectors read a dozen of these after every step.
     */
    private static Optional<String> text(Path file) throws IOException {
        try {
            return Optional.of(PseudoFiles.read(file, StandardCharsets.UTF_8));
        } catch (FileNotFoundException e) {
            // open(2) failed and java.io does not say why: a stat tells a missing file from others
            // (java.io.File's, which throws nothing, unlike Files.notExists: on v1 the pids files
            // are missing in the root cgroup, so that is every step's path there)
            if (!new File(file.toString()).exists()) return Optional.empty();
            throw e;
        }
    }

    /**
     * One write(2) of {@code value} to an existing interface file. {@code missing} explains a missing file
     * (usually: the controller is not enabled); {@code invalid} explains EINVAL.
     */
    public static void write(Path file, String value, String missing, String invalid) {
        try {
            Files.write(file, value.getBytes(StandardCharsets.UTF_8), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (NoSuchFileException e) {
            throw new CgroupException("write " + quote(value) + " to " + file + ": ENOENT (no such file) " + DASH + " " + missing, e);
        } catch (IOException e) {
            String reason = String.valueOf(e.getMessage());
            String why;
            if (reason.contains("Invalid argument")) why = "EINVAL (Invalid argument) " + DASH + " " + invalid;
            else if (reason.contains("busy")) why = "EBUSY (Device or resource busy) " + DASH + " the kernel cannot apply it now"
                    + " (a memory limit below what the group uses and cannot reclaim, or processes in a cgroup whose"
                    + " children have controllers enabled)";
            else if (reason.contains("No such process")) why = "ESRCH (No such process) " + DASH + " that pid does not exist (any more)";
            else if (reason.contains("not supported")) why = "EOPNOTSUPP (Operation not supported) " + DASH + " " + invalid;
            else why = reason;
            throw new CgroupException("write " + quote(value) + " to " + file + ": " + why, e);
        }
    }

    /** mkdir(2) of a cgroup; an existing directory is an error unless {@code mayExist}. */
    public static boolean mkdir(Path dir, boolean mayExist) {
        try {
            Files.createDirectory(dir);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (mayExist) return false;
            throw new CgroupException("mkdir " + dir + ": EEXIST " + DASH + " a cgroup of that name exists already", e);
        } catch (IOException e) {
            throw new CgroupException("mkdir " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * rmdir(2) of a cgroup and, first, of any child cgroups in it (a learner may make some); a cgroup
     * that still has processes gives EBUSY, explained with its cgroup.procs. Returns each directory removed.
     */
    public static List<Path> removeTree(Path dir) {
        return removeTree(dir, Files::delete);
    }

    /** rmdir as a seam: a directory of a fake cgroupfs in a test holds real files, which cgroupfs's rmdir ignores. */
    @FunctionalInterface
    public interface Rmdir {
        void rmdir(Path dir) throws IOException;
    }

    public static List<Path> removeTree(Path dir, Rmdir rmdir) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(dir)) return removed;
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.filter(Files::isDirectory).toList()) removed.addAll(removeTree(child, rmdir));
        } catch (IOException e) {
            throw new CgroupException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        try {
            rmdir.rmdir(dir);
            removed.add(dir);
        } catch (NoSuchFileException e) {
            // already gone
        } catch (DirectoryNotEmptyException e) {
            throw new CgroupException("rmdir " + dir + ": ENOTEMPTY " + DASH + " it still has child cgroups", e);
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("busy")) {
                throw new CgroupException("rmdir " + dir + ": EBUSY (Device or resource busy) " + DASH
                        + " processes remain in it (cgroup.procs: " + String.join(" ", pids(dir).stream().map(String::valueOf).toList())
                        + "); a cgroup can be removed only when it is empty: kill them or move them out first", e);
            }
            throw new CgroupException("rmdir " + dir + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** rmdir of the shared jlab parent when no session uses it any more; silent when it is busy or gone. */
    public static void removeParentIfEmpty(Path hierarchy, Rmdir rmdir) {
        Path parent = hierarchy.resolve(PARENT);
        try (Stream<Path> children = Files.list(parent)) {
            if (children.anyMatch(Files::isDirectory)) return;
        } catch (IOException e) {
            return;
        }
        try {
            rmdir.rmdir(parent);
        } catch (IOException e) {
            // another session still has its cgroup there, or a learner's leftover: it stays
        }
    }

    /** The pids in {@code dir}'s cgroup.procs (empty when the file is gone). */
    public static List<Integer> pids(Path dir) {
        Path procs = dir.resolve("cgroup.procs");
        if (!Files.exists(procs)) return List.of();
        return read(procs).lines().map(String::strip).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
    }

    public static long number(Path file) {
        return Limits.parse(read(file));
    }

    private static String quote(String s) {
        return "\"" + s.strip() + "\"";
    }

    private static final String DASH = "—";
}
