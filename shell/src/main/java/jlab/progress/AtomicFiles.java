package jlab.progress;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Writes a file so that a reader sees the old content or the new, never half of it, even after a crash:
 * a temp file in the same directory, fsync, chown, rename over the target, fsync of the directory.
 * Temp files are named {@code .<name>.<random>.tmp}; one left by a crash is ignored by readers.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] content, Optional<StateLocation.Owner> owner) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        createDirectories(dir, owner);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) ch.write(buffer);
                ch.force(true);
            }
            // createTempFile makes it 0600; the file is the learner's own, readable as any file they write
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            if (owner.isPresent()) chown(tmp, owner.get());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** What went wrong, in words: NIO's exceptions often carry only the path. */
    public static String describe(IOException e) {
        String what = switch (e) {
            case java.nio.file.AccessDeniedException a -> "permission denied";
            case NoSuchFileException n -> "no such file or directory";
            case java.nio.file.NotDirectoryException n -> "not a directory";
            case java.nio.file.FileAlreadyExistsException f -> "a file is in the way";
            case java.nio.file.FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
        return e instanceof java.nio.file.FileSystemException f && f.getFile() != null ? f.getFile() + ": " + what : what;
    }

    /** Creates {@code dir} and its missing parents, giving each one created to {@code owner}. */
    static void createDirectories(Path dir, Optional<StateLocation.Owner> owner) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.isDirectory(p); p = p.getParent()) missing.push(p);
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) throw e;
                continue;
            }
            if (owner.isPresent()) chown(p, owner.get());
        }
    }

    static void chown(Path path, StateLocation.Owner owner) throws IOException {
        Files.setAttribute(path, "unix:uid", owner.uid());
        Files.setAttribute(path, "unix:gid", owner.gid());
    }

    /** Makes the rename itself durable; a file system that cannot sync directories loses only that. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (NoSuchFileException e) {
            // removed under us: nothing left to make durable
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the data itself was synced before the rename
        }
    }
}
