package jlab.events;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jlab.events.EventRecording.Fate;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary and timeline of literal event lists. */
class EventTimelineTest {
    private static final long T0 = 1_000_000_000L;
    private static final ProcessRef JLAB = ProcessRef.jlab(900);

    private static ProcessRef p(int host, int container, String name) { return new ProcessRef(host, container, name); }

    private static ObservedEvent fork(long ms, ProcessRef parent, ProcessRef child) {
        return new ObservedEvent(new ProcEvent.Fork(T0 + ms * 1_000_000, parent.hostPid(), parent.hostPid(), child.hostPid(), child.hostPid()), child, parent);
    }

    private static ObservedEvent exec(long ms, ProcessRef p) {
        return new ObservedEvent(new ProcEvent.Exec(T0 + ms * 1_000_000, p.hostPid(), p.hostPid()), p, null);
    }

    private static ObservedEvent exit(long ms, ProcessRef p, int code, ProcessRef parent) {
        return new ObservedEvent(new ProcEvent.Exit(T0 + ms * 1_000_000, p.hostPid(), p.hostPid(), code, 17, parent.hostPid(), parent.hostPid()), p, parent);
    }

    /** The orphans step: sh forks three sleeps, execs sleep 0.5; the three exit and nobody waits. */
    private static EventRecording orphans(Fate childFate) {
        ProcessRef sh = p(1005, 5, "sh");
        ProcessRef a = p(1006, 6, "sh"), b = p(1007, 7, "sh"), c = p(1008, 8, "sh");
        return new EventRecording("step 2 actions", T0, List.of(
                fork(0, JLAB, p(1005, 5, "jlab")), exec(1, sh),
                fork(2, sh, a), fork(2, sh, b), fork(3, sh, c),
                exec(3, p(1006, 6, "sleep")), exec(3, p(1007, 7, "sleep")), exec(4, p(1008, 8, "sleep")),
                exec(4, p(1005, 5, "sleep")),
                exit(54, p(1006, 6, "sleep"), 0, p(1005, 5, "sleep")),
                exit(55, p(1007, 7, "sleep"), 0, p(1005, 5, "sleep")),
                exit(55, p(1008, 8, "sleep"), 0, p(1005, 5, "sleep")),
                exit(505, p(1005, 5, "sleep"), 0, JLAB)),
                Map.of(1005, Fate.REAPED, 1006, childFate, 1007, childFate, 1008, childFate), 0, null);
    }

    @Test
    void zombiesLeftMeanNobodyWaited() {
        assertThat(EventTimeline.summary(orphans(Fate.ZOMBIE)))
                .isEqualTo("jlab started sh. sh forked 3 children; 3 exited; nobody waited (3 zombies left)");
    }

    @Test
    void childrenGoneFromProcWereReaped() {
        assertThat(EventTimeline.summary(orphans(Fate.REAPED))).isEqualTo("jlab started sh. sh forked 3 children; 3 exited; all reaped");
        assertThat(EventTimeline.summary(orphans(Fate.UNKNOWN))).as("nothing proven, nothing claimed")
                .isEqualTo("jlab started sh. sh forked 3 children; 3 exited");
    }

    @Test
    void timelineRowsShowTimePidsParentProgramAndEnding() {
        List<String> lines = EventTimeline.render(orphans(Fate.ZOMBIE));
        assertThat(lines.getFirst()).isEqualTo("step 2 actions: jlab started sh. sh forked 3 children; 3 exited; nobody waited (3 zombies left)");
        assertThat(lines).hasSize(2 + 13);
        assertThat(lines.get(1)).isEqualTo("        time  pid (host)     event parent             program          how it ended");
        assertThat(lines.get(2)).isEqualTo("     +0.0 ms  5 (1005)       fork  jlab               jlab");
        assertThat(lines.get(4)).isEqualTo("     +2.0 ms  6 (1006)       fork  5 sh               sh");
        assertThat(lines.get(11)).isEqualTo("    +54.0 ms  6 (1006)       exit  5 sleep            sleep            exit 0, zombie: not waited for");
        for (String heading : List.of("pid (host)", "event", "parent", "program", "how it ended")) {
            String column = lines.get(11).substring(lines.get(1).indexOf(heading));
            assertThat(column).as("a row under %s", heading).doesNotStartWith(" ");
            assertThat(lines.get(11).charAt(lines.get(1).indexOf(heading) - 1)).isEqualTo(' ');
        }
        assertThat(lines.get(1).indexOf("time") + "time".length()).isEqualTo(lines.get(11).indexOf("ms") + "ms".length());
        assertThat(lines.getLast()).isEqualTo("   +505.0 ms  5 (1005)       exit  jlab               sleep            exit 0, reaped");
    }

    @Test
    void exitsOfEarlierProcessesAndRefusals() {
        ProcessRef orphan = p(2001, 9, "sleep");
        var killed = new EventRecording("! kill 9", T0, List.of(exit(3, orphan, 15, p(2000, 2, "tini"))), Map.of(2001, Fate.REAPED), 0, null);
        assertThat(EventTimeline.summary(killed)).isEqualTo("sleep (pid 9) killed by SIGTERM");
        assertThat(EventTimeline.render(killed).get(2)).endsWith("killed by SIGTERM, reaped");

        var refused = EventRecording.refused("step 1 actions", "the kernel refused to report process events: socket(AF_NETLINK) = EPERM");
        assertThat(EventTimeline.render(refused)).containsExactly(
                "step 1 actions: the kernel refused to report process events: socket(AF_NETLINK) = EPERM");
        assertThat(EventTimeline.summary(new EventRecording("x", T0, List.of(), Map.of(), 0, null)))
                .isEqualTo("no process of the container forked, ran a program or exited");
    }

    @Test
    void someStillRunningAndAMixOfFates() {
        ProcessRef sh = p(3000, 1, "sh");
        ProcessRef a = p(3001, 2, "sh"), b = p(3002, 3, "sh"), c = p(3003, 4, "sh");
        var r = new EventRecording("step", T0, List.of(fork(0, sh, a), fork(0, sh, b), fork(0, sh, c),
                exit(5, a, 0, sh), exit(6, b, 0x200, sh)), Map.of(3001, Fate.REAPED, 3002, Fate.ZOMBIE, 3003, Fate.RUNNING), 2, null);
        assertThat(EventTimeline.summary(r)).isEqualTo("sh forked 3 children; 2 exited; 1 reaped, 1 zombie left; 1 still running");
        assertThat(EventTimeline.render(r)).last().asString().contains("dropped 2");
    }
}
