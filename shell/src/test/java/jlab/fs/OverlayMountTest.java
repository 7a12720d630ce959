package jlab.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jlab.fs.LayerEntry.Kind;
import jlab.fs.PathState.Marker;
import jlab.proc.MountInfo;

/** Overlay options and markers, on mountinfo lines copied from this machine (kernel 6.18). */
class OverlayMountTest {
    private static final String TWO_LOWERS = "66 43 0:39 / /tmp/ovt/m rw,relatime - overlay overlay "
            + "rw,lowerdir=/tmp/ovt/l1:/tmp/ovt/l2,upperdir=/tmp/ovt/u,workdir=/tmp/ovt/w,uuid=on";

    @Test
    void readsLayersTopFirstFromMountinfo() {
        OverlayMount o = OverlayMount.of(MountInfo.parseLine(TWO_LOWERS)).orElseThrow();
        assertThat(o.mountId()).isEqualTo(66);
        assertThat(o.mountPoint()).isEqualTo("/tmp/ovt/m");
        assertThat(o.lowers()).containsExactly("/tmp/ovt/l1", "/tmp/ovt/l2");
        assertThat(o.upper()).isEqualTo("/tmp/ovt/u");
        assertThat(o.work()).isEqualTo("/tmp/ovt/w");
        assertThat(o.writable()).isTrue();
    }

    @Test
    void ignoresOtherFileSystemsAndKnowsReadOnlyOverlays() {
        assertThat(OverlayMount.of(MountInfo.parseLine(
                "43 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw"))).isEmpty();
        OverlayMount ro = OverlayMount.of(MountInfo.parseLine(
                "70 43 0:40 / /img ro,relatime - overlay overlay ro,lowerdir=/a:/b,uuid=on")).orElseThrow();
        assertThat(ro.writable()).isFalse();
        assertThat(ro.lowers()).containsExactly("/a", "/b");
    }

    @Test
    void buildsTheOptionsStringAndRefusesSeparatorsInPaths() {
        assertThat(OverlayMount.options(List.of("/l1", "/l2"), "/u", "/w"))
                .isEqualTo("lowerdir=/l1:/l2,upperdir=/u,workdir=/w");
        assertThatThrownBy(() -> OverlayMount.options(List.of("/a:b"), "/u", "/w"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("':'");
        assertThatThrownBy(() -> OverlayMount.options(List.of("/a"), "/u,x", "/w"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifiesWhatOverlayfsDidAtAPath() {
        var file = Optional.of(new LayerEntry(Kind.FILE, 10, 3, false));
        var copy = Optional.of(new LayerEntry(Kind.FILE, 11, 8, false));
        var dir = Optional.of(new LayerEntry(Kind.DIR, 12, 0, false));
        var opaqueDir = Optional.of(new LayerEntry(Kind.DIR, 13, 0, true));
        var whiteout = Optional.of(new LayerEntry(Kind.WHITEOUT, 14, 0, false));
        Optional<LayerEntry> none = Optional.empty();
        assertThat(PathState.classify(List.of(file), none, file)).isEqualTo(Marker.LOWER);
        assertThat(PathState.classify(List.of(file), copy, copy)).isEqualTo(Marker.COPIED_UP);
        assertThat(PathState.classify(List.of(none), copy, copy)).isEqualTo(Marker.NEW);
        assertThat(PathState.classify(List.of(file), whiteout, none)).isEqualTo(Marker.WHITEOUT);
        assertThat(PathState.classify(List.of(dir), opaqueDir, opaqueDir)).isEqualTo(Marker.OPAQUE);
        assertThat(PathState.classify(List.of(none, dir), dir, dir)).isEqualTo(Marker.MERGED_DIR);
        assertThat(PathState.classify(List.of(file), none, none)).isEqualTo(Marker.HIDDEN);
    }

    @Test
    void mapsMounterPathsToContainerPathsByMountId() {
        var mounter = MountInfo.parse("""
                43 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
                90 43 254:0 /run/jlab/s1/rootfs-1 /run/jlab/s1/rootfs-1 rw,relatime - ext4 /dev/vda rw
                97 90 0:41 / /run/jlab/s1/rootfs-1/merged rw,relatime - overlay overlay rw,lowerdir=/run/jlab/s1/rootfs-1/lower,upperdir=/run/jlab/s1/rootfs-1/upper,workdir=/run/jlab/s1/rootfs-1/work,uuid=on
                """);
        var container = MountInfo.parse("""
                90 89 254:0 /run/jlab/s1/rootfs-1 / rw,relatime - ext4 /dev/vda rw
                97 90 0:41 / /merged rw,relatime - overlay overlay rw,lowerdir=/run/jlab/s1/rootfs-1/lower,upperdir=/run/jlab/s1/rootfs-1/upper,workdir=/run/jlab/s1/rootfs-1/work,uuid=on
                """);
        var view = OverlayView.of(mounter, container, java.nio.file.Path.of("/nonexistent"), (p, n) -> Optional.empty());
        assertThat(view.overlays()).hasSize(1);
        var o = view.overlays().getFirst();
        assertThat(o.mountPoint()).isEqualTo("/merged");
        assertThat(o.lowersInContainer()).containsExactly("/lower");
        assertThat(o.upperInContainer()).isEqualTo("/upper");
        assertThat(view.overlayOf("/merged/a/b")).contains(o);
        assertThat(view.overlayOf("/mergedx")).isEmpty();
    }
}
