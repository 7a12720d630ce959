package jlab.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Mount points from a {@code mountinfo} file, so directory removal can refuse to walk into a mounted file
 * system. Only field 5 is needed here; jlab.proc has the full parser and the two are to be merged.
 */
final class MountPoints {
    private static final int MOUNT_POINT_FIELD = 4;

    private MountPoints() {}

    static List<Path> read(Path mountinfo) throws IOException {
        return parse(Files.readString(mountinfo, StandardCharsets.UTF_8));
    }

    /** The mount point of every line, with the kernel's octal escapes ({@code \040} for a space) undone. */
    static List<Path> parse(String mountinfo) {
        List<Path> points = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            if (line.isBlank()) continue;
            String[] fields = line.split(" ");
            if (fields.length <= MOUNT_POINT_FIELD) {
                throw new IllegalArgumentException("not a mountinfo line: " + line);
            }
            points.add(Path.of(unescape(fields[MOUNT_POINT_FIELD])));
        }
        return points;
    }

    /** show_mountinfo() escapes space, tab, newline and backslash as a backslash and three octal digits. */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) return false;
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') return false;
        }
        return true;
    }
}
