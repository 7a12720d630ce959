package jlab.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code rm -r} that stays inside one file system: it never follows a symlink (a link is removed, its
 * target left alone) and never deletes through a mount point, which would empty whatever file system is
 * mounted there. Mount points come from the host's mountinfo; a device check during the walk is a second
 * guard for mounts that appear meanwhile.
 */
final class DirectoryRemover {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final int MAX_REPORTED = 5;

    private final Supplier<List<Path>> mountPoints;

    DirectoryRemover(Supplier<List<Path>> mountPoints) {
        this.mountPoints = mountPoints;
    }

    /** Removes {@code dir} and everything in it; says how, or throws {@link ReleaseException} saying why not. */
    String remove(Path dir) {
        if (!Files.exists(dir, NOFOLLOW)) return "already gone";
        try {
            if (Files.isSymbolicLink(dir)) {
                Files.delete(dir);
                return "was a symlink: removed the link, not its target";
            }
            if (!Files.isDirectory(dir, NOFOLLOW)) throw new ReleaseException("not a directory any more; left alone");
            Path real = dir.getParent() == null ? dir : dir.getParent().toRealPath().resolve(dir.getFileName());
            List<Path> mounted = mountPoints.get().stream().filter(m -> m.startsWith(real)).toList();
            if (!mounted.isEmpty()) {
                throw new ReleaseException("refused: a file system is mounted under it at " + mounted.getLast()
                        + "; deleting would empty it (unmount it first: umount -l " + mounted.getLast() + ")");
            }
            List<String> problems = deleteTree(dir);
            if (!problems.isEmpty()) throw new ReleaseException(summary(problems));
            return "removed";
        } catch (IOException e) {
            throw new ReleaseException(e.toString(), e);
        } catch (UncheckedIOException e) {
            throw new ReleaseException("reading the mount table: " + e.getCause(), e);
        }
    }

    private static List<String> deleteTree(Path root) throws IOException {
        Object rootDevice = Files.getAttribute(root, "unix:dev", NOFOLLOW);
        List<String> problems = new ArrayList<>();
        // No FOLLOW_LINKS: a symlink is visited as a file and deleted as a link.
        Files.walkFileTree(root, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        if (!Files.getAttribute(dir, "unix:dev", NOFOLLOW).equals(rootDevice)) {
                            problems.add(dir + " is another file system (a mount point?); not entered");
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        delete(file, problems);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override public FileVisitResult visitFileFailed(Path file, IOException e) {
                        problems.add(file + ": " + e);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                        if (e != null) problems.add(dir + ": " + e);
                        delete(dir, problems);
                        return FileVisitResult.CONTINUE;
                    }
                });
        return problems;
    }

    private static void delete(Path path, List<String> problems) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            problems.add("cannot delete " + path + ": " + e);
        }
    }

    private static String summary(List<String> problems) {
        List<String> shown = problems.subList(0, Math.min(MAX_REPORTED, problems.size()));
        String more = problems.size() > MAX_REPORTED ? " (and " + (problems.size() - MAX_REPORTED) + " more)" : "";
        return String.join("; ", shown) + more;
    }
}
