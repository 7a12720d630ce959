package jlab.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jlab.proc.MountInfo;

/**
 * The overlay mounts of a container and what their layers hold. Layer paths in the mount options are paths
 * of the view of whoever mounted them (jlab's container thread), so they are read through that thread's
 * root ({@code /proc/PID/task/TID/root}, which also enters its mount namespace); the container's own view
 * (its init's mountinfo, joined by mount id) gives the paths shown to the learner.
 */
public final class OverlayView {
    /** How deep and how many paths a walk of one overlay lists: enough for a lab, cheap to snapshot. */
    static final int MAX_DEPTH = 6, MAX_PATHS = 200;

    private final Function<String, Path> reach;
    private final Xattrs xattrs;
    private final List<Located> overlays;

    /** An overlay and where it sits: {@code prefix} + a container path = the same path in the mounter's view. */
    public record Located(OverlayMount mount, String mountPoint, String prefix) {
        /** A path of the mounter's view as the container sees it (unchanged when it lies outside the prefix). */
        public String containerPath(String viewPath) {
            if (prefix.isEmpty() || !viewPath.startsWith(prefix + "/")) return viewPath;
            return viewPath.substring(prefix.length());
        }

        public List<String> lowersInContainer() {
            return mount.lowers().stream().map(this::containerPath).toList();
        }

        public String upperInContainer() {
            return mount.upper() == null ? "-" : containerPath(mount.upper());
        }
    }

    private OverlayView(Function<String, Path> reach, Xattrs xattrs, List<Located> overlays) {
        this.reach = reach;
        this.xattrs = xattrs;
        this.overlays = List.copyOf(overlays);
    }

    /**
     * @param mounterMounts mountinfo of the mounter (jlab's container thread): the paths in overlay options
     * @param containerMounts mountinfo of the container's init, or empty: the paths to show
     * @param mounterRoot where the mounter's "/" can be read from, e.g. /proc/PID/task/TID/root
     */
    public static OverlayView of(List<MountInfo> mounterMounts, List<MountInfo> containerMounts, Path mounterRoot,
                                 Xattrs xattrs) {
        Map<Integer, String> inContainer = containerMounts.stream()
                .collect(Collectors.toMap(MountInfo::id, MountInfo::mountPoint, (a, b) -> a));
        List<Located> found = new ArrayList<>();
        for (MountInfo m : mounterMounts) {
            OverlayMount.of(m).filter(OverlayMount::writable).ifPresent(o -> {
                String shown = inContainer.getOrDefault(o.mountId(), o.mountPoint());
                String prefix = !shown.equals("/") && o.mountPoint().endsWith(shown)
                        ? o.mountPoint().substring(0, o.mountPoint().length() - shown.length()) : "";
                found.add(new Located(o, shown, prefix));
            });
        }
        Function<String, Path> reach = p -> mounterRoot.resolve(p.replaceAll("^/+", ""));
        return new OverlayView(reach, xattrs, found);
    }

    public List<Located> overlays() {
        return overlays;
    }

    /** The overlay whose merged view holds {@code containerPath}: the longest mount point that prefixes it. */
    public Optional<Located> overlayOf(String containerPath) {
        return overlays.stream()
                .filter(o -> containerPath.equals(o.mountPoint()) || containerPath.startsWith(slash(o.mountPoint())))
                .max(Comparator.comparingInt(o -> o.mountPoint().length()));
    }

    /** The state of {@code containerPath}, a path in some overlay's merged view. */
    public Optional<PathState> state(String containerPath) {
        return overlayOf(containerPath).map(o -> state(o, relative(o, containerPath)));
    }

    /** Every path of every layer of {@code o} (at most {@link #MAX_PATHS}), sorted. */
    public List<PathState> walk(Located o) {
        SortedSet<String> paths = new TreeSet<>();
        collect(o.mount().upper(), paths);
        for (String lower : o.mount().lowers()) collect(lower, paths);
        return paths.stream().limit(MAX_PATHS).map(rel -> state(o, rel)).toList();
    }

    private PathState state(Located o, String rel) {
        List<Optional<LayerEntry>> lowers = o.mount().lowers().stream().map(l -> entry(l, rel)).toList();
        Optional<LayerEntry> upper = entry(o.mount().upper(), rel);
        Optional<LayerEntry> merged = entry(o.mount().mountPoint(), rel);
        String shown = rel.isEmpty() ? o.mountPoint() : slash(o.mountPoint()) + rel;
        return new PathState(shown, lowers, upper, merged, PathState.classify(lowers, upper, merged));
    }

    private Optional<LayerEntry> entry(String layer, String rel) {
        return LayerEntry.read(reach.apply(rel.isEmpty() ? layer : slash(layer) + rel), xattrs);
    }

    private void collect(String layer, SortedSet<String> into) {
        Path root = reach.apply(layer);
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> all = Files.walk(root, MAX_DEPTH)) {
            all.skip(1).limit(MAX_PATHS).forEach(p -> into.add(root.relativize(p).toString()));
        } catch (IOException | UncheckedIOException e) {
            // a layer changing while it is walked: what was listed is still worth showing
        }
    }

    private static String relative(Located o, String containerPath) {
        return containerPath.equals(o.mountPoint()) ? "" : containerPath.substring(slash(o.mountPoint()).length());
    }

    private static String slash(String dir) {
        return dir.endsWith("/") ? dir : dir + "/";
    }
}
