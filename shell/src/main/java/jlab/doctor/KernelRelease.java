package jlab.doctor;

import java.util.Optional;
import java.util.regex.Pattern;

/** A kernel release as in /proc/sys/kernel/osrelease ({@code 6.18.44-fc-v657}): major and minor compared. */
record KernelRelease(String text, int major, int minor) {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    /** Empty when the text does not start with {@code <major>.<minor>}. */
    static Optional<KernelRelease> parse(String text) {
        String t = text.strip();
        var m = MAJOR_MINOR.matcher(t);
        if (!m.find()) return Optional.empty();
        return Optional.of(new KernelRelease(t, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    boolean atLeast(int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }
}
