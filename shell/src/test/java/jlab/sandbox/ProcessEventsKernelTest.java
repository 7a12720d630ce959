package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.events.EventRecording;
import jlab.events.EventRecording.Fate;
import jlab.events.EventTimeline;
import jlab.events.ObservedEvent;
import jlab.events.ProcEvent;
import jlab.events.ProcessRef;
import jlab.proc.ProcFs;

/**
 * The process-events connector against the real kernel: a shell in a container forks three children, and
 * the recorder sees the forks, the execs and the exits with the right parents, in container and host pids.
 */
@Tag("kernel")
class ProcessEventsKernelTest {
    private final ProcFs proc = new ProcFs();
    private ContainerFixture c;
    private int init;
    private long socketsBefore;

    @BeforeEach
    void open() throws IOException {
        socketsBefore = jlab.OpenDescriptors.sockets();
        c = new ContainerFixture(List.of("/bin/sleep", "999999999"));
        init = c.sandbox.initPid().getAsInt();
    }

    @AfterEach
    void close() throws IOException {
        c.close();
        assertThat(jlab.OpenDescriptors.sockets()).as("the recorder closed its netlink socket").isEqualTo(socketsBefore);
        assertThat(Thread.getAllStackTraces().keySet()).as("the recorder's thread ended")
                .noneMatch(t -> t.getName().equals("jlab-process-events"));
    }

    private static List<ObservedEvent> of(EventRecording r, Class<? extends ProcEvent> kind) {
        return r.events().stream().filter(e -> kind.isInstance(e.event())).toList();
    }

    @Test
    void aShellThatForksThreeChildrenWhichItReaps() throws IOException {
        var recorder = c.sandbox.recordProcessEvents(proc, Set.of(init), "test");
        assertThat(jlab.OpenDescriptors.sockets()).as("the recorder's netlink socket").isEqualTo(socketsBefore + 1);
        c.run("sh", "-c", "sleep 0.5 & sleep 0.5 & sleep 0.5 & wait");
        EventRecording r = recorder.stop();
        assertThat(r.problem()).isNull();

        ObservedEvent started = of(r, ProcEvent.Fork.class).getFirst();
        assertThat(started.parent().isJlab()).isTrue();
        ProcessRef sh = started.process();
        assertThat(sh.containerPid()).as("a pid of the container's namespace").isGreaterThan(1);
        assertThat(sh.hostPid()).isNotEqualTo(sh.containerPid());

        List<ObservedEvent> children = of(r, ProcEvent.Fork.class).stream().filter(e -> e.parent().hostPid() == sh.hostPid()).toList();
        assertThat(children).hasSize(3).allSatisfy(f -> {
            assertThat(f.parent().name()).isEqualTo("sh");
            assertThat(f.parent().containerPid()).isEqualTo(sh.containerPid());
            assertThat(f.process().containerPid()).isGreaterThan(sh.containerPid());
        });
        List<Integer> childPids = children.stream().map(f -> f.process().hostPid()).toList();
        assertThat(of(r, ProcEvent.Exec.class)).filteredOn(e -> childPids.contains(e.process().hostPid()))
                .hasSize(3).allSatisfy(e -> assertThat(e.process().name()).isEqualTo("sleep"));
        assertThat(of(r, ProcEvent.Exit.class)).filteredOn(e -> childPids.contains(e.process().hostPid()))
                .hasSize(3).allSatisfy(e -> {
                    assertThat(e.parent().hostPid()).isEqualTo(sh.hostPid());
                    assertThat(EventTimeline.ending((ProcEvent.Exit) e.event())).isEqualTo("exit 0");
                    assertThat(r.fate(e.process().hostPid())).isEqualTo(Fate.REAPED);
                });
        assertThat(r.fate(sh.hostPid())).as("jlab waited for sh").isEqualTo(Fate.REAPED);
        assertThat(EventTimeline.summary(r)).isEqualTo("jlab started sh. sh forked 3 children; 3 exited; all reaped");
        assertThat(r.events()).as("only the container's processes").allSatisfy(e -> assertThat(e.process().containerPid()).isNotZero());
    }

    @Test
    void whatJlabStartsShowsAsItsProgramWithOneExecAndNoGate() {
        var recorder = c.sandbox.recordProcessEvents(proc, Set.of(init), "test");
        int sleep = c.sandbox.commands().spawnDetached(List.of("/bin/sleep", "1000"));
        c.run("hostname");
        EventRecording r = recorder.stop();
        assertThat(r.problem()).isNull();
        assertThat(EventTimeline.summary(r)).isEqualTo("jlab started sleep, hostname");
        assertThat(of(r, ProcEvent.Exec.class)).as("the gate's exec is jlab's, not shown")
                .extracting(e -> e.process().name()).containsExactly("sleep", "hostname");
        assertThat(of(r, ProcEvent.Exec.class).getFirst().process().hostPid()).isEqualTo(sleep);
    }

    @Test
    void orphanedChildrenThatNobodyWaitsForStayZombies() throws IOException {
        var recorder = c.sandbox.recordProcessEvents(proc, Set.of(init), "test");
        c.run("sh", "-c", "sleep 0.05 & sleep 0.05 & sleep 0.05 & exec sleep 0.3");
        EventRecording r = recorder.stop();
        assertThat(r.problem()).isNull();
        assertThat(EventTimeline.summary(r)).as("named for certain: jlab let it run sh")
                .isEqualTo("jlab started sh. sh forked 3 children; 3 exited; nobody waited (3 zombies left)");
        assertThat(of(r, ProcEvent.Exit.class)).hasSize(4);
        assertThat(r.fates().values()).filteredOn(f -> f == Fate.ZOMBIE).hasSize(3);
        for (var e : of(r, ProcEvent.Exit.class)) {
            if (r.fate(e.process().hostPid()) == Fate.ZOMBIE) {
                assertThat(Files.readString(proc.processDir(e.process().hostPid()).resolve("stat"))).contains(") Z ");
            }
        }
    }
}
