package jlab.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jlab.proc.MountInfo;

/** Mount points from a {@code mountinfo} file, so directory removal can refuse to walk into a mounted file system. */
final class MountPoints {
    private MountPoints() {}

    static List<Path> read(Path mountinfo) throws IOException {
        return parse(Files.readString(mountinfo, StandardCharsets.UTF_8));
    }

    static List<Path> parse(String mountinfo) {
        return MountInfo.parse(mountinfo).stream().map(m -> Path.of(m.mountPoint())).toList();
    }
}
