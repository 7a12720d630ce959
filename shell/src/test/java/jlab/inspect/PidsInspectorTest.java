package jlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;
import jlab.proc.FakeProc;
import jlab.proc.NamespaceId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidsInspectorTest {

    private static final long HOST_PID_NS = 4026531836L;
    private static final long CONTAINER_PID_NS = 4026532178L;
    private static final int JVM = 100;
    private static final int THREAD = 103;

    @TempDir
    Path root;

    private FakeProc fake;
    private final PidsInspector inspector = new PidsInspector();

    @BeforeEach
    void setUp() {
        fake = new FakeProc(root);
        fake.process(JVM, 1, "java", "S (sleeping)", List.of(JVM), "java", "-jar", "jlab.jar")
                .ns("100", Map.of("pid", HOST_PID_NS))
                .ns("100/task/100", Map.of("pid", HOST_PID_NS, "pid_for_children", HOST_PID_NS))
                .ns("100/task/103", Map.of("pid", HOST_PID_NS, "pid_for_children", CONTAINER_PID_NS))
                // a host process and its unreaped child: neither belongs to the container
                .process(300, 1, "bash", "S (sleeping)", List.of(300), "bash").ns("300", Map.of("pid", HOST_PID_NS))
                .process(301, 300, "true", "Z (zombie)", List.of(301));
    }

    private InspectTarget target() {
        return InspectTarget.host(fake.procFs(), JVM).withContainerThread(THREAD, Optional::empty);
    }

    private void init() {
        fake.process(200, JVM, "sh", "S (sleeping)", List.of(200, 1), "/bin/sh")
                .ns("200", Map.of("pid", CONTAINER_PID_NS));
    }

    @Test
    void listsOnlyProcessesOfTheContainersPidNamespace() {
        init();
        fake.process(201, 200, "sleep", "S (sleeping)", List.of(201, 2), "sleep", "100")
                .ns("201", Map.of("pid", CONTAINER_PID_NS));

        ProcessSnapshot s = inspector.snapshot(target());
        Annotation a = inspector.show(s);

        assertThat(s.namespace()).hasValue(new NamespaceId("pid", CONTAINER_PID_NS));
        assertThat(a.columns()).containsExactly("PID", "NSpid", "PPid", "state", "command");
        assertThat(a.rows()).containsExactly(
                Row.of(Change.SAME, "200", "200→1", "100", "S (sleeping)", "/bin/sh"),
                Row.of(Change.SAME, "201", "201→2", "200", "S (sleeping)", "sleep 100"));
        assertThat(a.notes()).isEmpty();
    }

    @Test
    void diffMarksAddedChangedAndRemovedProcessesAndNotesZombies() {
        init();
        fake.process(201, 200, "sleep", "S (sleeping)", List.of(201, 2), "sleep", "100")
                .ns("201", Map.of("pid", CONTAINER_PID_NS));
        ProcessSnapshot before = inspector.snapshot(target());
        // the sleep exits (its ns links vanish, its parent has not reaped it), init runs, a new child starts
        fake.remove("201/ns").process(201, 200, "sleep", "Z (zombie)", List.of(201, 2))
                .process(200, JVM, "sh", "R (running)", List.of(200, 1), "/bin/sh")
                .process(202, 200, "cat", "S (sleeping)", List.of(202, 3), "cat")
                .ns("202", Map.of("pid", CONTAINER_PID_NS));

        Annotation a = inspector.diff(before, inspector.snapshot(target()));

        assertThat(a.rows()).containsExactly(
                Row.of(Change.CHANGED, "200", "200→1", "100", "R (running)", "/bin/sh"),
                Row.of(Change.CHANGED, "201", "201→2", "200", "Z (zombie)", "[sleep]"),
                Row.of(Change.ADDED, "202", "202→3", "200", "S (sleeping)", "cat"));
        assertThat(a.notes()).containsExactly("PID 201 (2 inside) is a zombie: it has exited, but its parent"
                + " (PID 200) has not called wait() for it yet");
    }

    @Test
    void notesTheArrivalAndDepartureOfPid1() {
        fake.remove("100/task/103/ns/pid_for_children");
        ProcessSnapshot empty = inspector.snapshot(target());
        fake.ns("100/task/103", Map.of("pid_for_children", CONTAINER_PID_NS));
        init();
        ProcessSnapshot withInit = inspector.snapshot(target());
        fake.remove("200");

        Annotation arrived = inspector.diff(empty, withInit);
        Annotation left = inspector.diff(withInit, inspector.snapshot(target()));

        assertThat(arrived.rows()).extracting(Row::change).containsExactly(Change.ADDED);
        assertThat(arrived.notes()).containsExactly("PID 200 is PID 1 (init) of the new namespace: orphans are"
                + " re-parented to it, and when it exits the kernel kills every other process in the namespace");
        assertThat(left.rows()).extracting(Row::change).containsExactly(Change.REMOVED);
        assertThat(left.notes()).containsExactly("the namespace's PID 1 (host PID 200) is gone: the kernel has sent"
                + " SIGKILL to every other process in the namespace", "the pid namespace is empty: once its PID 1"
                + " has exited no process can enter it again (fork fails with ENOMEM)");
    }

    /**
     * With children files the inspector walks down from the container thread and init instead of reading
     * every process's ns link: it finds a command the thread spawned, an orphan re-parented to init and
     * the children of a thread other than a process's main one, and does not follow a nested namespace.
     */
    @Test
    void walksDownFromTheContainerThreadAndInit() {
        init();
        fake.write("100/task/103/children", "200 205 ")
                .process(205, JVM, "cat", "S (sleeping)", List.of(205, 2), "cat").ns("205", Map.of("pid", CONTAINER_PID_NS))
                .write("205/task/205/children", "")
                .write("200/task/200/children", "201 210 ")
                // an orphan whose parent exited: init adopted it
                .process(201, 200, "sleep", "S (sleeping)", List.of(201, 3), "sleep", "100")
                .ns("201", Map.of("pid", CONTAINER_PID_NS)).write("201/task/201/children", "")
                // a nested pid namespace's init and its child: not the container's namespace
                .process(210, 200, "sh", "S (sleeping)", List.of(210, 4, 1), "sh").ns("210", Map.of("pid", 4026532300L))
                .write("210/task/210/children", "211 ")
                .process(211, 210, "sleep", "S (sleeping)", List.of(211, 5, 2), "sleep", "5")
                .ns("211", Map.of("pid", 4026532300L))
                // a process of the namespace with two threads: the second one spawned 221
                .write("200/task/200/children", "201 210 220 ")
                .write("220/status", "Name:\tjava\nState:\tS (sleeping)\nPid:\t220\nPPid:\t200\nNSpid:\t220\t6\nThreads:\t2\n")
                .write("220/cmdline", "java\0").ns("220", Map.of("pid", CONTAINER_PID_NS))
                .write("220/task/220/children", "").write("220/task/222/children", "221 ")
                .process(221, 220, "ls", "R (running)", List.of(221, 7), "ls").ns("221", Map.of("pid", CONTAINER_PID_NS))
                .write("221/task/221/children", "");

        ProcessSnapshot s = inspector.snapshot(target().withInit(200));

        assertThat(s.processes()).extracting(ProcessSnapshot.Entry::pid).containsExactly(200, 201, 205, 220, 221);
        assertThat(s.processes().get(1).ppid()).isEqualTo(200);
    }

    @Test
    void scansAllOfProcWhenAChildrenFileIsMissing() {
        init();
        // spawned into the namespace, but the thread's children file is not there to say so
        fake.write("200/task/200/children", "")
                .process(205, JVM, "cat", "S (sleeping)", List.of(205, 2), "cat").ns("205", Map.of("pid", CONTAINER_PID_NS));

        assertThat(inspector.snapshot(target().withInit(200)).processes())
                .extracting(ProcessSnapshot.Entry::pid).containsExactly(200, 205);
        fake.write("100/task/103/children", "200 ");
        assertThat(inspector.snapshot(target().withInit(200)).processes())
                .extracting(ProcessSnapshot.Entry::pid).containsExactly(200);
    }

    @Test
    void aZombieInitStillCounts() {
        fake.process(200, JVM, "sh", "Z (zombie)", List.of(200, 1));

        ProcessSnapshot s = inspector.snapshot(target().withInit(200));

        assertThat(s.processes()).extracting(ProcessSnapshot.Entry::pid).containsExactly(200);
    }

    @Test
    void listsNothingWhileThePidNamespaceIsShared() {
        fake.ns("100/task/103", Map.of("pid_for_children", HOST_PID_NS));

        ProcessSnapshot s = inspector.snapshot(target());

        assertThat(s.processes()).isEmpty();
        assertThat(inspector.show(s).notes())
                .containsExactly("the container shares the host's pid namespace (no CLONE_NEWPID yet)");
    }

    @Test
    void explainsTheEmptyNamespaceBetweenUnshareAndTheFirstChild() {
        fake.remove("100/task/103/ns/pid_for_children");
        ProcessSnapshot before = inspector.snapshot(InspectTarget.host(fake.procFs(), JVM));

        Annotation a = inspector.diff(before, inspector.snapshot(target()));

        assertThat(before.situation()).isEqualTo("no container yet");
        assertThat(a.rows()).isEmpty();
        assertThat(a.notes()).containsExactly(
                "unshare(CLONE_NEWPID) done: the new pid namespace is empty until its PID 1 is spawned");
    }
}
