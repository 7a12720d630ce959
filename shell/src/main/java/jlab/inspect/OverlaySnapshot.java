package jlab.inspect;

import java.util.List;

/**
 * The container's overlays: one line per path of any layer, and one description per overlay (its mount
 * point and layers). Empty when nothing is mounted.
 */
public record OverlaySnapshot(List<String> overlays, List<Line> lines) {

    public OverlaySnapshot {
        overlays = List.copyOf(overlays);
        lines = List.copyOf(lines);
    }

    /** One path: what the lower layers, the upper layer and the merged view hold, and overlayfs's marker. */
    public record Line(String path, String lower, String upper, String merged, String marker) {
        List<String> cells() {
            return List.of(path, lower, upper, merged, marker);
        }
    }
}
