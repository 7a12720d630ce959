package jlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import jlab.sandbox.BusyboxRootfs;

/**
 * A temporary directory with a busybox root file system in it, shared by the container and snapshot
 * benchmarks and removed (symbolic links as links, never followed) when closed.
 */
final class Workspace implements AutoCloseable {
    private final Path dir;
    private final Path rootfs;

    private Workspace(Path dir, Path rootfs) {
        this.dir = dir;
        this.rootfs = rootfs;
    }

    static Workspace create(Path busybox) throws IOException {
        Path dir = Files.createTempDirectory("jlab-bench-");
        try {
            Path rootfs = Files.createDirectory(dir.resolve("rootfs"));
            new BusyboxRootfs(busybox).build(rootfs);
            return new Workspace(dir, rootfs);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    Path dir() { return dir; }

    Path rootfs() { return rootfs; }

    /** Removes {@code path} and everything under it. */
    static void delete(Path path) {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + path + ": " + e.getMessage(), e);
        }
    }

    @Override public void close() {
        delete(dir);
    }
}
