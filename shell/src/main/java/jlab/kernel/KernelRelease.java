package jlab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The running kernel's release ({@code 6.18.44-fc-v657}) as numbers to compare. */
public record KernelRelease(int major, int minor, String text) {
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** Empty when the text does not start with {@code <major>.<minor>}. */
    public static Optional<KernelRelease> parse(String text) {
        Matcher m = VERSION.matcher(text.strip());
        if (!m.find()) return Optional.empty();
        return Optional.of(new KernelRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text.strip()));
    }

    public static KernelRelease current() {
        try {
            String text = Files.readString(Path.of("/proc/sys/kernel/osrelease"));
            return parse(text).orElseThrow(() -> new IllegalStateException("not a kernel release: " + text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || (major == wantedMajor && minor >= wantedMinor);
    }

    /** procfs's {@code pidns} mount option, which lets jlab mount a container's /proc itself, came in 6.18. */
    public boolean procfsHasPidnsOption() {
        return atLeast(6, 18);
    }
}
