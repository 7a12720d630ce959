package jlab.fs;

import java.util.List;
import java.util.Optional;

/**
 * One path of an overlay as each layer and the merged view see it, and what overlayfs did there.
 * {@code lowers} lines up with {@link OverlayMount#lowers()} (top first).
 */
public record PathState(String path, List<Optional<LayerEntry>> lowers, Optional<LayerEntry> upper,
                        Optional<LayerEntry> merged, Marker marker) {

    public PathState {
        lowers = List.copyOf(lowers);
    }

    /** What overlayfs made of a path. */
    public enum Marker {
        LOWER("from a lower layer, read-only"),
        NEW("created in the merged view: only in upper"),
        COPIED_UP("copied up: upper has its own copy, the lower file is untouched"),
        WHITEOUT("whiteout: upper hides the lower entry (char device 0/0)"),
        OPAQUE("opaque dir: trusted.overlay.opaque=y hides the lower dir's contents"),
        MERGED_DIR("dir in upper and lower: the merged view shows both"),
        HIDDEN("in a lower layer but hidden by a whiteout or opaque dir above it");

        private final String meaning;

        Marker(String meaning) { this.meaning = meaning; }

        public String meaning() { return meaning; }

        /** The short word shown in tables: {@code copy-up}, {@code whiteout}, ... */
        public String word() {
            return switch (this) {
                case LOWER -> "";
                case NEW -> "new";
                case COPIED_UP -> "copy-up";
                case WHITEOUT -> "whiteout";
                case OPAQUE -> "opaque";
                case MERGED_DIR -> "merged dir";
                case HIDDEN -> "hidden";
            };
        }
    }

    static Marker classify(List<Optional<LayerEntry>> lowers, Optional<LayerEntry> upper, Optional<LayerEntry> merged) {
        boolean inLower = lowers.stream().anyMatch(Optional::isPresent);
        if (upper.isEmpty()) return merged.isPresent() ? Marker.LOWER : Marker.HIDDEN;
        LayerEntry u = upper.get();
        if (u.kind() == LayerEntry.Kind.WHITEOUT) return Marker.WHITEOUT;
        if (u.opaque()) return Marker.OPAQUE;
        if (u.kind() == LayerEntry.Kind.DIR && lowers.stream().flatMap(Optional::stream)
                .anyMatch(l -> l.kind() == LayerEntry.Kind.DIR)) {
            return Marker.MERGED_DIR;
        }
        return inLower ? Marker.COPIED_UP : Marker.NEW;
    }

    /** The topmost lower layer that has the path, as an index into {@link OverlayMount#lowers()}; -1 if none. */
    public int topLower() {
        for (int i = 0; i < lowers.size(); i++) if (lowers.get(i).isPresent()) return i;
        return -1;
    }
}
