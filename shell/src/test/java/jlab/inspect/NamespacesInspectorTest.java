package jlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;
import jlab.proc.FakeProc;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespacesInspectorTest {

    /** The host's inodes on the dev machine (readlink /proc/self/ns/*). */
    static final Map<String, Long> HOST = Map.of("cgroup", 4026531835L, "ipc", 4026531839L, "mnt", 4026531832L,
            "net", 4026531833L, "pid", 4026531836L, "pid_for_children", 4026531836L, "time", 4026531834L,
            "time_for_children", 4026531834L, "user", 4026531837L, "uts", 4026531838L);
    private static final int JVM = 100;
    private static final int THREAD = 103;
    private static final String THREAD_NS = "100/task/103";

    @TempDir
    Path root;

    private FakeProc fake;
    private final NamespacesInspector inspector = new NamespacesInspector();

    @BeforeEach
    void setUp() {
        fake = new FakeProc(root);
        fake.ns("100/task/100", HOST).ns(THREAD_NS, HOST);
    }

    private InspectTarget withThread() {
        return InspectTarget.host(fake.procFs(), JVM).withContainerThread(THREAD, Optional::empty);
    }

    private static Map<String, Long> hostWith(Map<String, Long> changes) {
        Map<String, Long> m = new HashMap<>(HOST);
        m.putAll(changes);
        return m;
    }

    private static Row row(Annotation a, String link) {
        return a.rows().stream().filter(r -> r.cells().getFirst().equals(link)).findFirst().orElseThrow();
    }

    @Test
    void showsTheHostAloneBeforeThereIsAContainer() {
        Annotation a = inspector.showNow(InspectTarget.host(fake.procFs(), JVM));

        assertThat(a.title()).isEqualTo("namespaces");
        assertThat(a.columns()).containsExactly("namespace", "host", "container", "meaning");
        assertThat(a.rows()).extracting(r -> r.cells().getFirst()).containsExactly("mnt", "uts", "ipc", "pid",
                "pid_for_children", "net", "user", "cgroup", "time", "time_for_children");
        assertThat(row(a, "mnt")).isEqualTo(Row.of(Change.SAME, "mnt", "4026531832", "—", "no container yet"));
        assertThat(a.notes()).containsExactly("no container yet: the container column is empty");
    }

    @Test
    void aFreshContainerThreadSharesEverything() {
        InspectTarget target = withThread();
        NamespaceSnapshot before = inspector.snapshot(InspectTarget.host(fake.procFs(), JVM));
        Annotation a = inspector.diff(before, inspector.snapshot(target));

        assertThat(a.unchanged()).isTrue();
        assertThat(row(a, "uts").cells()).containsExactly("uts", "4026531838", "4026531838", "shared with host");
        assertThat(a.notes()).containsExactly("the container (thread 103) shares every namespace with the host so far");
    }

    @Test
    void unshareMarksChangedRowsAndExplainsThePendingPidNamespace() {
        InspectTarget target = withThread();
        NamespaceSnapshot before = inspector.snapshot(target);
        fake.ns(THREAD_NS, Map.of("mnt", 4026532170L, "uts", 4026532171L)).remove(THREAD_NS + "/ns/pid_for_children");

        Annotation a = inspector.diff(before, inspector.snapshot(target));

        assertThat(a.rows()).filteredOn(r -> r.change() == Change.CHANGED).extracting(r -> r.cells().getFirst())
                .containsExactly("mnt", "uts", "pid_for_children");
        assertThat(row(a, "uts").cells()).containsExactly("uts", "4026531838", "4026532171",
                "new — only this container");
        assertThat(row(a, "pid_for_children").cells()).containsExactly("pid_for_children", "4026531836", "pending",
                "new — born with the first child, its PID 1");
        assertThat(row(a, "pid").cells().get(3))
                .isEqualTo("shared with host (a process never changes its own pid namespace)");
        assertThat(a.notes()).containsExactly(
                "mnt changed: the container now has its own mount points (CLONE_NEWNS)",
                "uts changed: the container now has its own hostname and NIS domain name (CLONE_NEWUTS)",
                "pid stays, pid_for_children is pending: unshare(CLONE_NEWPID) prepared a new pid namespace;"
                        + " it comes to life with the next child, which becomes its PID 1");
    }

    @Test
    void theFirstChildMakesPidForChildrenReadable() {
        InspectTarget target = withThread();
        fake.remove(THREAD_NS + "/ns/pid_for_children");
        NamespaceSnapshot before = inspector.snapshot(target);
        fake.ns(THREAD_NS, Map.of("pid_for_children", 4026532178L));

        Annotation a = inspector.diff(before, inspector.snapshot(target));

        assertThat(row(a, "pid_for_children")).isEqualTo(Row.of(Change.CHANGED, "pid_for_children", "4026531836",
                "4026532178", "new — only this container"));
        assertThat(a.notes()).containsExactly(
                "pid_for_children now reads pid:[4026532178]: the new pid namespace has its PID 1");
    }

    @Test
    void pidStaysWhilePidForChildrenChanges() {
        InspectTarget target = withThread();
        NamespaceSnapshot before = inspector.snapshot(target);
        fake.ns(THREAD_NS, Map.of("pid_for_children", 4026532178L, "time_for_children", 4026532179L));

        Annotation a = inspector.diff(before, inspector.snapshot(target));

        assertThat(row(a, "pid").change()).isEqualTo(Change.SAME);
        assertThat(a.notes()).containsExactly(
                "pid stays, pid_for_children changed: the next child is PID 1 of a new namespace",
                "time stays, time_for_children changed: children get their own boot and monotonic clocks"
                        + " (offsets in /proc/PID/timens_offsets can be set until the first child)");
    }

    @Test
    void fallsBackToInitOnceTheThreadIsGoneAndWarnsWhenTheHostMoves() {
        fake.ns("200", hostWith(Map.of("pid", 4026532178L, "pid_for_children", 4026532178L)));
        InspectTarget target = withThread().withInit(200);
        NamespaceSnapshot before = inspector.snapshot(target);
        fake.remove(THREAD_NS).ns("100/task/100", Map.of("net", 4026532999L));

        NamespaceSnapshot after = inspector.snapshot(target);
        Annotation a = inspector.diff(before, after);

        assertThat(after.containerView()).hasValue("init 200");
        assertThat(row(a, "net")).isEqualTo(Row.of(Change.CHANGED, "net", "4026532999", "4026531833",
                "new — only this container"));
        assertThat(a.notes()).contains("the host's net namespace changed: the JVM's main thread was moved;"
                + " namespaced work belongs on the container thread",
                "pid changed: the container now has its own process IDs (CLONE_NEWPID)");
    }

    @Test
    void showListsEveryLinkAsSame() {
        Annotation a = inspector.show(inspector.snapshot(withThread()));

        assertThat(a.rows()).hasSize(10).allMatch(r -> r.change() == Change.SAME);
        assertThat(a.notes()).isEqualTo(List.of("container column: the namespaces of thread 103"));
    }
}
