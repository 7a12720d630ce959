package jlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;
import jlab.proc.FakeProc;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountsInspectorTest {

    /** Lines from the dev machine's mountinfo; /dev/pts is mounted twice, as it is there. */
    private static final String HOST = """
            22 27 0:21 / /proc rw,relatime shared:5 - proc proc rw
            24 27 0:6 / /dev rw,relatime shared:2 - devtmpfs devtmpfs rw,size=12334492k,nr_inodes=3083623,mode=755
            26 24 0:24 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000
            27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard
            29 26 0:26 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000
            """;

    /** The container thread after unshare(CLONE_NEWNS), mount --make-rprivate / and a tmpfs on "/run/a b". */
    private static final String CONTAINER = """
            122 127 0:21 / /proc rw,relatime - proc proc rw
            124 127 0:6 / /dev rw,relatime - devtmpfs devtmpfs rw,size=12334492k,nr_inodes=3083623,mode=755
            126 124 0:24 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000
            127 101 254:0 / / rw,relatime - ext4 /dev/vda rw,discard
            129 126 0:26 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000
            130 127 0:40 / /run/a\\040b rw,relatime shared:9 - tmpfs lab\\040tmp rw
            """;

    @TempDir
    Path root;

    private FakeProc fake;
    private final MountsInspector inspector = new MountsInspector();

    @BeforeEach
    void setUp() {
        fake = new FakeProc(root).write("100/task/100/mountinfo", HOST);
    }

    @Test
    void showGivesEveryMountOfTheHostBeforeThereIsAContainer() {
        Annotation a = inspector.showNow(InspectTarget.host(fake.procFs(), 100));

        assertThat(a.columns()).containsExactly("mount point", "fs type", "source", "propagation");
        assertThat(a.rows()).hasSize(5).allMatch(r -> r.change() == Change.SAME);
        assertThat(a.rows().getFirst()).isEqualTo(Row.of(Change.SAME, "/proc", "proc", "proc", "shared:5"));
        assertThat(a.notes()).containsExactly("5 mounts, as the host sees them");
    }

    @Test
    void diffShowsOnlyMountsThatCameWentOrChangedPropagation() {
        MountSnapshot before = inspector.snapshot(InspectTarget.host(fake.procFs(), 100));
        fake.write("100/task/103/mountinfo", CONTAINER);
        InspectTarget container = InspectTarget.host(fake.procFs(), 100).withContainerThread(103, Optional::empty);

        Annotation a = inspector.diff(before, inspector.snapshot(container));

        assertThat(a.rows()).containsExactly(
                Row.of(Change.CHANGED, "/proc", "proc", "proc", "private"),
                Row.of(Change.CHANGED, "/dev", "devtmpfs", "devtmpfs", "private"),
                Row.of(Change.CHANGED, "/", "ext4", "/dev/vda", "private"),
                Row.of(Change.ADDED, "/run/a b", "tmpfs", "lab tmp", "shared:9"));
        assertThat(a.notes()).containsExactly(
                "/proc: shared:5 → private: mount events no longer propagate between this mount and its former"
                        + " peers (the host)",
                "/dev: shared:2 → private: mount events no longer propagate between this mount and its former"
                        + " peers (the host)",
                "/: shared:1 → private: mount events no longer propagate between this mount and its former"
                        + " peers (the host)",
                "now showing the mount table of the container thread 103 (was: host)",
                "1 new mount(s) are shared: mounts below them propagate to their peer group, which may include"
                        + " the host (make / private first: MS_REC|MS_PRIVATE)",
                "2 mounts unchanged");
    }

    @Test
    void followsTheThreadThroughPivotRootByMountId() {
        String beforePivot = """
                127 1 254:0 / / rw,relatime - ext4 /dev/vda rw
                122 127 0:21 / /proc rw,relatime - proc proc rw
                140 127 254:0 /run/jlab/s1/rootfs /run/jlab/s1/rootfs rw,relatime - ext4 /dev/vda rw
                141 140 0:51 / /run/jlab/s1/rootfs/proc rw,relatime - proc proc rw
                """;
        String afterPivot = """
                140 139 254:0 /run/jlab/s1/rootfs / rw,relatime - ext4 /dev/vda rw
                141 140 0:51 / /proc rw,relatime - proc proc rw
                """;
        fake.write("100/task/103/mountinfo", beforePivot).write("200/mountinfo", "1 0 0:1 / / rw - tmpfs x rw\n");
        InspectTarget target = InspectTarget.host(fake.procFs(), 100).withContainerThread(103, Optional::empty).withInit(200);
        MountSnapshot before = inspector.snapshot(target);
        fake.write("100/task/103/mountinfo", afterPivot);

        Annotation a = inspector.diff(before, inspector.snapshot(target));

        assertThat(before.view()).isEqualTo("container thread 103");
        assertThat(a.rows()).containsExactly(
                Row.of(Change.CHANGED, "/run/jlab/s1/rootfs → /", "ext4", "/dev/vda", "private"),
                Row.of(Change.CHANGED, "/run/jlab/s1/rootfs/proc → /proc", "proc", "proc", "private"),
                Row.of(Change.REMOVED, "/", "ext4", "/dev/vda", "private"),
                Row.of(Change.REMOVED, "/proc", "proc", "proc", "private"));
    }

    @Test
    void anUnmountOfOneOfTwoStackedMountsRemovesOneRow() {
        MountSnapshot before = inspector.snapshot(InspectTarget.host(fake.procFs(), 100));
        fake.write("100/task/100/mountinfo", HOST.replace(
                "29 26 0:26 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000\n", ""));

        Annotation a = inspector.diff(before, inspector.snapshot(InspectTarget.host(fake.procFs(), 100)));

        assertThat(a.rows()).containsExactly(Row.of(Change.REMOVED, "/dev/pts", "devpts", "devpts", "private"));
        assertThat(a.notes()).containsExactly("4 mounts unchanged");
    }
}
