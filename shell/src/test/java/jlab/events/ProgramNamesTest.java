package jlab.events;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.events.ProgramNames.Raw;
import jlab.events.ProgramNames.Reading;

import static org.assertj.core.api.Assertions.assertThat;

/** Names from stamped /proc readings that may come late: only a reading made while a program ran names it. */
class ProgramNamesTest {
    private static final long MS = 1_000_000;

    /** jlab spawns 5 (host 105) at 0 ms; it execs sh at 1, forks 106 at 2, execs sleep at 5; 106 execs sleep at 5; both exit. */
    private static List<Raw> orphans() {
        return List.of(
                new Raw(new ProcEvent.Fork(0, 900, 900, 105, 105), 105, 900, true),
                new Raw(new ProcEvent.Exec(1 * MS, 105, 105), 105, 0, false),
                new Raw(new ProcEvent.Fork(2 * MS, 105, 105, 106, 106), 106, 105, false),
                new Raw(new ProcEvent.Exec(5 * MS, 105, 105), 105, 0, false),
                new Raw(new ProcEvent.Exec(5 * MS, 106, 106), 106, 0, false),
                new Raw(new ProcEvent.Exit(50 * MS, 106, 106, 0, 17, 105, 105), 106, 105, false),
                new Raw(new ProcEvent.Exit(500 * MS, 105, 105, 0, 17, 900, 900), 105, 900, true));
    }

    @Test
    void lateReadingsNameTheLaterProgramOnly() {
        // every reading was made at 10 ms or later, after both execs of 105: nothing names its first program
        var named = ProgramNames.name(orphans(), List.of(
                new Reading(105, 10 * MS, 11 * MS, "sleep", 5),
                new Reading(106, 12 * MS, 13 * MS, "sleep", 6),
                new Reading(106, 60 * MS, 61 * MS, "sleep", 6),
                new Reading(105, 600 * MS, 601 * MS, "sleep", 5)), 900);
        assertThat(named).extracting(e -> e.process().name())
                .containsExactly("jlab", "?", "?", "sleep", "sleep", "sleep", "sleep");
        assertThat(named.get(2).parent()).isEqualTo(new ProcessRef(105, 5, "?"));
        assertThat(named.get(5).parent()).as("at the child's exit its parent ran sleep").isEqualTo(new ProcessRef(105, 5, "sleep"));
        assertThat(named.getLast().parent()).isEqualTo(ProcessRef.jlab(900));
    }

    @Test
    void aChildReadBeforeItsExecNamesItsParentsProgramAtTheFork() {
        var named = ProgramNames.name(orphans(), List.of(
                new Reading(105, 100_000, 200_000, "jlab-container", 5),
                new Reading(106, 2 * MS + 100_000, 2 * MS + 200_000, "sh", 6),
                new Reading(106, 60 * MS, 61 * MS, "sleep", 6),
                new Reading(105, 600 * MS, 601 * MS, "sleep", 5)), 900);
        assertThat(named.get(1).process().name()).as("105's first exec, named by its child's inherited comm").isEqualTo("sh");
        assertThat(named.get(2).parent().name()).isEqualTo("sh");
        assertThat(named.get(2).process().name()).isEqualTo("sh");
    }

    @Test
    void aReadingJustBeforeAnExecIsDropped() {
        // read 105 between 4.5 and 4.6 ms: its exec at 5 ms may already have changed comm
        var named = ProgramNames.name(orphans(), List.of(new Reading(105, 4 * MS + 500_000, 4 * MS + 600_000, "sleep", 5)), 900);
        assertThat(named.get(1).process().name()).isEqualTo("?");
        assertThat(named.get(1).process().containerPid()).isEqualTo(5);
    }

    /**
     * jlab spawns 7 (host 107) at 0 ms, held at its gate (busybox sh, exec at 1 ms) until 10 ms, when it execs
     * the learner's sh, which forks 108 at 11 ms and execs sleep through /proc/self/exe at 12 ms.
     */
    private static List<Raw> gated() {
        return List.of(
                new Raw(new ProcEvent.Fork(0, 900, 900, 107, 107), 107, 900, true),
                new Raw(new ProcEvent.Exec(1 * MS, 107, 107), 107, 0, false, true),
                new Raw(new ProcEvent.Exec(10 * MS, 107, 107), 107, 0, false),
                new Raw(new ProcEvent.Fork(11 * MS, 107, 107, 108, 108), 108, 107, false),
                new Raw(new ProcEvent.Exec(12 * MS, 107, 107), 107, 0, false));
    }

    @Test
    void theGatesExecIsLeftOutAndWhatJlabLetRunIsNamedForCertain() {
        var readings = List.of(
                new Reading(107, 2 * MS, 2 * MS + 100_000, "sh", 7),              // the gate, waiting
                new Reading(107, 11 * MS, 11 * MS + 100_000, null, 7),             // comm "exe", argv not yet set
                new Reading(107, 13 * MS, 13 * MS + 100_000, "sleep", 7));
        var named = ProgramNames.name(gated(), readings, 900, pid -> pid == 107 ? "sh" : null);
        assertThat(named).extracting(e -> e.event().getClass().getSimpleName() + " " + e.process().name())
                .containsExactly("Fork jlab", "Exec sh", "Fork sh", "Exec sleep");
        assertThat(named.get(2).parent()).as("108's parent at the fork").isEqualTo(new ProcessRef(107, 7, "sh"));

        var unknown = ProgramNames.name(gated(), readings, 900);
        assertThat(unknown.get(1).process().name()).as("no reading of its own, and a reading that names nothing").isEqualTo("?");
    }
}
