package jlab.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryRemoverTest {
    @TempDir Path tmp;

    private final List<Path> mounts = new ArrayList<>(List.of(Path.of("/"), Path.of("/proc")));
    private final DirectoryRemover remover = new DirectoryRemover(() -> mounts);

    @Test void removesATreeButNotWhatItsSymlinksPointTo() throws IOException {
        Path keep = Files.createDirectories(tmp.resolve("keep/inner"));
        Files.writeString(keep.resolve("precious"), "data");
        Path dir = Files.createDirectories(tmp.resolve("work/a/b"));
        Files.writeString(dir.resolve("file"), "x");
        Files.createSymbolicLink(tmp.resolve("work/a/to-keep"), tmp.resolve("keep"));
        Files.createSymbolicLink(tmp.resolve("work/to-inner"), keep.resolve("inner"));
        Files.createSymbolicLink(tmp.resolve("work/dangling"), tmp.resolve("nowhere"));

        assertThat(remover.remove(tmp.resolve("work"))).isEqualTo("removed");

        assertThat(tmp.resolve("work")).doesNotExist();
        assertThat(keep.resolve("precious")).hasContent("data");
    }

    @Test void refusesToDeleteThroughAMountPoint() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("work/rootfs/proc"));
        Files.writeString(tmp.resolve("work/file"), "x");
        mounts.add(dir.toRealPath());

        assertThatThrownBy(() -> remover.remove(tmp.resolve("work")))
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("a file system is mounted under it at " + dir.toRealPath())
                .hasMessageContaining("umount -l");
        assertThat(tmp.resolve("work/file")).exists();
    }

    @Test void refusesWhenTheDirectoryItselfIsAMountPoint() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("merged"));
        mounts.add(dir.toRealPath());

        assertThatThrownBy(() -> remover.remove(dir)).isInstanceOf(ReleaseException.class);
        assertThat(dir).isDirectory();
    }

    @Test void aMountBesideItIsNoReasonToRefuse() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("work"));
        mounts.add(Files.createDirectories(tmp.resolve("workbench")).toRealPath());

        assertThat(remover.remove(dir)).isEqualTo("removed");
    }

    @Test void aDirectoryReplacedByASymlinkLosesOnlyTheLink() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(target.resolve("precious"), "data");
        Path link = Files.createSymbolicLink(tmp.resolve("work"), target);

        assertThat(remover.remove(link)).startsWith("was a symlink");

        assertThat(link).doesNotExist();
        assertThat(target.resolve("precious")).hasContent("data");
    }

    @Test void somethingAlreadyGoneIsReleased() {
        assertThat(remover.remove(tmp.resolve("never-made"))).isEqualTo("already gone");
    }

    @Test void aFileWhereTheDirectoryWasIsLeftAlone() throws IOException {
        Path file = Files.writeString(tmp.resolve("work"), "not a dir");

        assertThatThrownBy(() -> remover.remove(file)).isInstanceOf(ReleaseException.class).hasMessageContaining("not a directory");
        assertThat(file).exists();
    }
}
