package jlab.proc;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the small files of /proc and /sys, which stat reports as empty and the kernel fills at read time:
 * one open, reads into a per-thread buffer until end of file, close. Files.readAllBytes and readString
 * took about twice as long per file in a cold JVM (as after a step): for a size of 0 they add an fstat and
 * a one-byte read, through NIO's channel layers; the inspectors open about 45 such files per step (strace).
 */
public final class PseudoFiles {
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[4096]);

    private PseudoFiles() {}

    /** The file's text; {@link java.io.FileNotFoundException} when it cannot be opened (missing or unreadable). */
    public static String read(Path file, Charset charset) throws IOException {
        byte[] buffer = BUFFERS.get();
        int n = 0;
        try (FileInputStream in = new FileInputStream(file.toString())) {
            for (int r; (r = in.read(buffer, n, buffer.length - n)) >= 0; ) {
                n += r;
                // only a large file (a long mountinfo, a busy cgroup.procs) gets a buffer of its own
                if (n == buffer.length) buffer = Arrays.copyOf(buffer, 2 * n);
            }
        }
        return new String(buffer, 0, n, charset);
    }
}
