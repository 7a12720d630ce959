package jlab.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jlab.proc.MountInfo;

/**
 * One overlay mount: the merged mount point and its layers, as paths of one view (the mount options hold
 * them as the mounting process named them). {@code lowers} are top first, as in {@code lowerdir=top:below}.
 */
public record OverlayMount(int mountId, String mountPoint, List<String> lowers, String upper, String work) {

    public OverlayMount {
        lowers = List.copyOf(lowers);
        if (lowers.isEmpty()) throw new IllegalArgumentException("an overlay needs at least one lower layer");
    }

    /** The data argument of mount(2): {@code lowerdir=a:b,upperdir=u,workdir=w}. */
    public static String options(List<String> lowers, String upper, String work) {
        for (String p : lowers) requireOptionSafe(p);
        requireOptionSafe(upper);
        requireOptionSafe(work);
        return "lowerdir=" + String.join(":", lowers) + ",upperdir=" + upper + ",workdir=" + work;
    }

    /** The overlay described by a mountinfo line, if it is an overlay with an upper layer. */
    public static Optional<OverlayMount> of(MountInfo m) {
        if (!m.fsType().equals("overlay")) return Optional.empty();
        List<String> lowers = new ArrayList<>();
        String upper = null, work = null;
        for (String option : splitOptions(m.superOptions())) {
            if (option.startsWith("lowerdir=")) {
                for (String l : option.substring("lowerdir=".length()).split("(?<!\\\\):")) lowers.add(unescape(l));
            } else if (option.startsWith("lowerdir+=")) {
                lowers.add(unescape(option.substring("lowerdir+=".length())));
            } else if (option.startsWith("upperdir=")) {
                upper = unescape(option.substring("upperdir=".length()));
            } else if (option.startsWith("workdir=")) {
                work = unescape(option.substring("workdir=".length()));
            }
        }
        if (lowers.isEmpty()) return Optional.empty();
        return Optional.of(new OverlayMount(m.id(), m.mountPoint(), lowers, upper, work));
    }

    /** Read-only overlays (no upperdir) cannot copy up, whiteout or make opaque directories. */
    public boolean writable() {
        return upper != null;
    }

    /** Commas and colons separate options and layers; overlayfs escapes them with a backslash. */
    private static List<String> splitOptions(String superOptions) {
        return List.of(superOptions.split("(?<!\\\\),"));
    }

    private static String unescape(String s) {
        return s.replace("\\,", ",").replace("\\:", ":").replace("\\\\", "\\");
    }

    private static void requireOptionSafe(String path) {
        if (path == null || path.isEmpty() || path.contains(",") || path.contains(":")) {
            throw new IllegalArgumentException("an overlay layer path may not be empty or contain ',' or ':': " + path);
        }
    }
}
