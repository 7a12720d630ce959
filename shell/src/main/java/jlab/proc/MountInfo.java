package jlab.proc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of /proc/PID/mountinfo (see proc_pid_mountinfo(5)):
 * {@code 64 63 0:40 / /tmp/a\040b rw,relatime shared:2 - tmpfs my\040src rw}. Paths and the source are
 * decoded ({@code \040} is a space). {@code optionalFields} holds the propagation tags
 * ({@code shared:N}, {@code master:N}, {@code propagate_from:N}, {@code unbindable}).
 */
public record MountInfo(int id, int parentId, String majorMinor, String root, String mountPoint, String options,
                        List<String> optionalFields, String fsType, String source, String superOptions) {

    public MountInfo {
        optionalFields = List.copyOf(optionalFields);
    }

    /**
     * The mount's propagation type as mount(8) would call it: the optional fields joined
     * ({@code "shared:12"}, {@code "shared:2 master:1"}, {@code "master:1"}, {@code "unbindable"}) or
     * {@code "private"} when there are none.
     */
    public String propagation() {
        return optionalFields.isEmpty() ? "private" : String.join(" ", optionalFields);
    }

    public boolean shared() {
        return optionalFields.stream().anyMatch(f -> f.startsWith("shared:"));
    }

    /** Parses one mountinfo line. */
    public static MountInfo parseLine(String line) {
        String[] f = line.strip().split(" ");
        int dash = Arrays.asList(f).indexOf("-");
        if (f.length < 10 || dash < 6 || f.length < dash + 3) {
            throw new IllegalArgumentException("not a mountinfo line: " + line);
        }
        List<String> optional = List.of(Arrays.copyOfRange(f, 6, dash));
        String superOptions = f.length > dash + 3 ? f[dash + 3] : "";
        return new MountInfo(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], unescape(f[3]), unescape(f[4]),
                f[5], optional, unescape(f[dash + 1]), unescape(f[dash + 2]), superOptions);
    }

    /** Parses a whole mountinfo file, in the kernel's order (parents before their children). */
    public static List<MountInfo> parse(String text) {
        List<MountInfo> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(parseLine(line));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Decodes the kernel's octal escapes ({@code \040} space, {@code \011} tab, {@code \012} newline,
     * {@code \134} backslash). Escaped bytes may be parts of a UTF-8 character, so decode to bytes first.
     */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\\' && i + 3 < in.length && octal(in[i + 1]) && octal(in[i + 2]) && octal(in[i + 3])) {
                out.write(((in[i + 1] - '0') << 6) | ((in[i + 2] - '0') << 3) | (in[i + 3] - '0'));
                i += 3;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean octal(byte b) {
        return b >= '0' && b <= '7';
    }
}
