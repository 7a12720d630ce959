package jlab.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Temp directories shaped like a cgroupfs. A real cgroupfs makes a new cgroup's interface files itself and
 * lets rmdir remove a directory that holds them; here {@link #fill} writes them and {@link #rmdir} removes
 * them, refusing (EBUSY) while cgroup.procs lists a process, as the kernel does.
 */
final class FakeCgroupFs {
    private FakeCgroupFs() {}

    static void fill(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (var e : files.entrySet()) Files.writeString(dir.resolve(e.getKey()), e.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void rmdir(Path dir) throws IOException {
        Path procs = dir.resolve("cgroup.procs");
        if (Files.exists(procs) && !Files.readString(procs).isBlank()) {
            throw new FileSystemException(dir.toString(), null, "Device or resource busy");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (!Files.isDirectory(f)) Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
