package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.fs.LayerEntry;
import jlab.fs.OverlayView;
import jlab.fs.PathState.Marker;
import jlab.fs.Xattrs;
import jlab.proc.ProcFs;

/**
 * overlayfs against the real kernel, mounted in the lab's own mount namespace: copy-up, whiteout and
 * opaque directory observed with stat and getxattr on the upper layer, and the host never sees the mount.
 */
@Tag("kernel")
class OverlayKernelTest {
    private static final List<String> INIT = List.of("/bin/sh", "-c", "trap '' TERM INT; while :; do sleep 1000; done");
    private ContainerFixture c;

    @BeforeEach
    void open() throws IOException {
        c = new ContainerFixture(INIT);
        c.run("sh", "-c", "mkdir -p /lower/dir /lower/data && echo lower > /lower/file && echo x > /lower/dir/gone"
                + " && echo a > /lower/data/a");
    }

    @AfterEach
    void close() throws IOException {
        c.close();
    }

    private OverlayView view() {
        ProcFs proc = new ProcFs();
        int self = (int) ProcessHandle.current().pid();
        return OverlayView.of(proc.mountInfo(self, c.sandbox.threadTid()), proc.mountInfo(c.sandbox.initPid().getAsInt()),
                c.threadRoot(), Xattrs.through(c.kernel));
    }

    private Marker marker(String path) {
        return view().state(path).orElseThrow().marker();
    }

    @Test
    void mountsInTheLabsNamespaceOnlyWithTheOptionsString() throws IOException {
        String options = c.sandbox.mounts().mountOverlay(List.of("/lower"), "/upper", "/work", "/merged");
        String rootfs = c.sandbox.rootfs().toString();
        assertThat(options).isEqualTo("lowerdir=" + rootfs + "/lower,upperdir=" + rootfs + "/upper,workdir=" + rootfs + "/work");
        assertThat(c.log.all()).anyMatch(e -> e.toString().startsWith("mount(\"overlay\"") && e.toString().contains(options));
        assertThat(c.run("cat", "/merged/file")).isEqualTo("lower\n");
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(rootfs + "/merged");
        assertThat(Files.list(c.sandbox.hostPath("/merged")).toList()).as("the host sees an empty dir").isEmpty();
        assertThat(marker("/merged/file")).isEqualTo(Marker.LOWER);
    }

    @Test
    void writingALowerFileCopiesItUpWithANewInode() throws IOException {
        c.sandbox.mounts().mountOverlay(List.of("/lower"), "/upper", "/work", "/merged");
        long lowerInode = inode(c.sandbox.hostPath("/lower/file"));
        c.run("sh", "-c", "echo more >> /merged/file");
        Path upper = c.sandbox.hostPath("/upper/file");
        assertThat(Files.readString(upper, StandardCharsets.UTF_8)).isEqualTo("lower\nmore\n");
        assertThat(Files.readString(c.sandbox.hostPath("/lower/file"))).isEqualTo("lower\n");
        assertThat(inode(upper)).isNotEqualTo(lowerInode);
        assertThat(marker("/merged/file")).isEqualTo(Marker.COPIED_UP);
        assertThat(view().state("/merged/file").orElseThrow().merged().orElseThrow().inode())
                .as("the merged view keeps the origin's inode number").isEqualTo(lowerInode);
    }

    @Test
    void deletingALowerFileLeavesACharacterDevice00Whiteout() throws IOException {
        c.sandbox.mounts().mountOverlay(List.of("/lower"), "/upper", "/work", "/merged");
        c.run("rm", "/merged/dir/gone");
        Path whiteout = c.sandbox.hostPath("/upper/dir/gone");
        int mode = (Integer) Files.getAttribute(whiteout, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertThat(mode & 0170000).as("S_IFCHR").isEqualTo(0020000);
        assertThat((Long) Files.getAttribute(whiteout, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isZero();
        assertThat(c.sandbox.hostPath("/lower/dir/gone")).exists();
        assertThat(marker("/merged/dir/gone")).isEqualTo(Marker.WHITEOUT);
    }

    @Test
    void recreatingARemovedLowerDirMakesItOpaque() {
        c.sandbox.mounts().mountOverlay(List.of("/lower"), "/upper", "/work", "/merged");
        c.run("sh", "-c", "rm -rf /merged/data && mkdir /merged/data");
        String upper = c.sandbox.hostPath("/upper/data").toString();
        assertThat(c.kernel.getxattr(upper, LayerEntry.OPAQUE_XATTR)).map(v -> new String(v, StandardCharsets.UTF_8)).contains("y");
        assertThat(c.kernel.listxattr(upper)).contains(LayerEntry.OPAQUE_XATTR);
        assertThat(c.kernel.getxattr(c.sandbox.hostPath("/lower/data").toString(), LayerEntry.OPAQUE_XATTR)).isEmpty();
        assertThat(c.run("ls", "-A", "/merged/data")).isEmpty();
        assertThat(marker("/merged/data")).isEqualTo(Marker.OPAQUE);
        assertThat(marker("/merged/data/a")).isEqualTo(Marker.HIDDEN);
    }

    @Test
    void theLeftmostOfSeveralLowerLayersWinsAndUnmountingKeepsUpper() {
        c.run("sh", "-c", "mkdir -p /top /bottom && echo top > /top/f && echo bottom > /bottom/f && echo b > /bottom/only");
        c.sandbox.mounts().mountOverlay(List.of("/top", "/bottom"), "/rw", "/wk", "/image");
        assertThat(c.run("cat", "/image/f", "/image/only")).isEqualTo("top\nb\n");
        var only = view().state("/image/only").orElseThrow();
        assertThat(only.topLower()).as("found in the second lower layer").isEqualTo(1);
        c.run("rm", "/image/only");
        c.sandbox.mounts().unmount("/image");
        assertThat(view().overlays()).isEmpty();
        assertThat(c.sandbox.hostPath("/rw/only")).as("the whiteout stays in upper").exists();
        assertThat(c.run("ls", "-A", "/image")).isEmpty();
    }

    private static long inode(Path p) throws IOException {
        return (Long) Files.getAttribute(p, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }
}
