package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.inspect.Annotation;
import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;

class AnnotationRendererTest {

    private static final Annotation PIDS = new Annotation("pids", List.of("PID", "NSpid", "command"), List.of(
            Row.of(Change.SAME, "4242", "4242 1", "/bin/sh"),
            Row.of(Change.ADDED, "4250", "4250 2", "sleep 1000"),
            Row.of(Change.REMOVED, "4244", "4244 3", "hostname lab"),
            Row.of(Change.CHANGED, "4242", "4242 1", "/bin/sh -i")),
            List.of("pid 4250 is pid 2 inside: the container numbers its own processes"));

    @Test
    void marksEachRowAndDrawsAsciiWhenTheTerminalIsNotUtf8() {
        assertThat(new AnnotationRenderer(Style.PLAIN, 80).render(PIDS)).containsExactly(
                "pids",
                "+---+------+--------+--------------+",
                "|   | PID  | NSpid  | command      |",
                "+---+------+--------+--------------+",
                "|   | 4242 | 4242 1 | /bin/sh      |",
                "| + | 4250 | 4250 2 | sleep 1000   |",
                "| - | 4244 | 4244 3 | hostname lab |",
                "| ~ | 4242 | 4242 1 | /bin/sh -i   |",
                "+---+------+--------+--------------+",
                "  * pid 4250 is pid 2 inside: the container numbers its own processes");
    }

    /** The cells that lay out their own line draw exactly what AsciiTable's wrapper draws. */
    @Test
    void cellsLaidOutDirectlyMatchAsciiTablesOwnLayout() {
        String options = "rw,nosuid,nodev,noexec,relatime,lowerdir=/var/lib/jlab/busybox,upperdir=/run/jlab/s1/upper";
        Annotation mixed = new Annotation("mixed", List.of("key", "value", "more"), List.of(
                Row.of(Change.SAME, "cpu.usage_usec", "123 → 456", ""),
                Row.of(Change.ADDED, "  leading", "two  spaces", "trailing "),
                Row.of(Change.CHANGED, "tab\there", "a <br> b", "x & y"),
                Row.of(Change.REMOVED, "/", options, "ünïcödé ✓"),
                Row.of(Change.SAME, "line\nbreak", "exactly", " ")), List.of());
        for (int width : new int[] {30, 50, 80, 200}) {
            for (Style style : List.of(Style.PLAIN, new Style(true, true))) {
                AnnotationRenderer r = new AnnotationRenderer(style, width);
                for (Annotation a : List.of(PIDS, mixed)) {
                    assertThat(r.table(a, true)).as("width %d", width).isEqualTo(r.table(a, false));
                }
            }
        }
        assertThat(AnnotationRenderer.Cell.plain("sleep 1000")).isTrue();
        assertThat(AnnotationRenderer.Cell.plain("sleep  1000")).isFalse();
        assertThat(AnnotationRenderer.Cell.plain("")).isFalse();
    }

    /** The cgroup table as a step shows it on cgroup v1: drawn at every step, its CPU counters move. */
    private static final Annotation CGROUP = new Annotation("cgroup", List.of("value", "now"), List.of(
            Row.of(Change.SAME, "cgroup version", "v1 (hybrid)"),
            Row.of(Change.SAME, "whose cgroup", "init (host pid 12434)"),
            Row.of(Change.SAME, "cpu cgroup", "/sys/fs/cgroup/cpu"),
            Row.of(Change.SAME, "memory cgroup", "/sys/fs/cgroup/memory/process_api/6adad5da45ce6ada3a33f6bf9a130636"),
            Row.of(Change.SAME, "pids cgroup", "/sys/fs/cgroup/pids"),
            Row.of(Change.SAME, "cpu.max", "max 100000 (no limit)"),
            Row.of(Change.CHANGED, "cpu.usage_usec", "2780672311 → 2780679943"),
            Row.of(Change.SAME, "cpu.nr_periods", "0"),
            Row.of(Change.SAME, "cpu.nr_throttled", "0"),
            Row.of(Change.SAME, "cpu.throttled_usec", "0"),
            Row.of(Change.SAME, "memory.max", "max"),
            Row.of(Change.CHANGED, "memory.current", "153522176 → 153526272"),
            Row.of(Change.SAME, "memory.events.max", "0"),
            Row.of(Change.SAME, "memory.events.oom_kill", "0"),
            Row.of(Change.ADDED, "pids.max", "max"),
            Row.of(Change.REMOVED, "pids.current", "0"),
            Row.of(Change.SAME, "pids.events.max", "0")), List.of());

    private static final Annotation UTS = new Annotation("uts", List.of("view", "hostname"), List.of(
            Row.of(Change.SAME, "host", "vm"),
            Row.of(Change.CHANGED, "container", "bench-41")),
            List.of("only the container's hostname changed: it has a UTS namespace of its own"));

    /** Tables of plain cells that fit are drawn without AsciiTable, exactly as AsciiTable draws them. */
    @Test
    void simpleTablesDrawnDirectlyMatchAsciiTablesOwnLayout() {
        Annotation empty = new Annotation("mounts", List.of("mount point", "type"), List.of(), List.of());
        Annotation oneColumn = new Annotation("net", List.of("name"), List.of(Row.of(Change.ADDED, "eth0")), List.of());
        Annotation ragged = new Annotation("ragged", List.of("a", "b"), List.of(Row.of(Change.SAME, "only one")), List.of());
        Annotation blank = new Annotation("blank", List.of("a", "b"), List.of(Row.of(Change.SAME, "x", "")), List.of());
        Annotation standIn = new Annotation("odd", List.of("a"), List.of(Row.of(Change.SAME, "x\uE000y")), List.of());
        List<Annotation> all = List.of(PIDS, CGROUP, UTS, NET, OVERLAY, empty, oneColumn, ragged, blank, standIn);
        for (int width : new int[] {20, 30, 40, 50, 60, 80, 100, 110, 200}) {
            for (Style style : List.of(Style.PLAIN, new Style(true, false), new Style(false, true), new Style(true, true))) {
                AnnotationRenderer r = new AnnotationRenderer(style, width);
                for (Annotation a : all) {
                    assertThat(r.table(a, true)).as("%s at width %d", a.title(), width).isEqualTo(r.table(a, false));
                }
            }
        }
        AnnotationRenderer terminal = new AnnotationRenderer(new Style(true, true), 100);
        assertThat(List.of(PIDS, CGROUP, UTS, empty, oneColumn)).allMatch(terminal::drawsDirectly);
        assertThat(List.of(ragged, blank, standIn)).noneMatch(terminal::drawsDirectly);
        assertThat(new AnnotationRenderer(Style.PLAIN, 40).drawsDirectly(CGROUP)).as("its long path wraps").isFalse();
    }

    @Test
    void usesBoxDrawingOnUtf8Terminals() {
        List<String> lines = new AnnotationRenderer(new Style(false, true), 80).render(PIDS);
        assertThat(lines.get(1)).isEqualTo("┌───┬──────┬────────┬──────────────┐");
        assertThat(lines.get(5)).isEqualTo("│ + │ 4250 │ 4250 2 │ sleep 1000   │");
        assertThat(lines.get(8)).isEqualTo("└───┴──────┴────────┴──────────────┘");
    }

    @Test
    void wideTablesWrapTheirWidestCellsToFitTheTerminal() {
        String options = "rw,nosuid,nodev,noexec,relatime,lowerdir=/var/lib/jlab/busybox,upperdir=/run/jlab/s1/upper";
        Annotation mounts = new Annotation("mounts", List.of("mount point", "type", "options"), List.of(
                Row.of(Change.ADDED, "/", "overlay", options),
                Row.of(Change.SAME, "/proc", "proc", "rw")), List.of());
        List<String> lines = new AnnotationRenderer(Style.PLAIN, 50).render(mounts);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(50));
        int proc = lines.indexOf(lines.stream().filter(l -> l.contains("/proc")).findFirst().orElseThrow());
        String wrapped = String.join("", lines.subList(4, proc).stream().map(l -> l.split("\\|")[4].strip()).toList());
        assertThat(wrapped).as("the cell's text survives, laid out on several lines").isEqualTo(options);
        assertThat(proc - 4).isGreaterThan(2);
        assertThat(lines.get(4)).startsWith("| + | /           | overlay | rw,nosuid");
        assertThat(lines.get(5)).startsWith("|   |             |         | ");
    }

    /** show net in the network lab's last step, as a learner saw it at 110 columns. */
    private static final Annotation NET = new Annotation("net", List.of("netns", "if", "name", "kind", "peer", "master", "state", "MAC", "IPv4"), List.of(
            Row.of(Change.SAME, "hub", "1", "lo", "loopback", "", "", "LOOPBACK,DOWN", "00:00:00:00:00:00", ""),
            Row.of(Change.SAME, "hub", "3", "veth-red", "veth", "red/eth0", "br0", "UP,LOWER_UP", "5a:23:a8:4b:ac:18", ""),
            Row.of(Change.SAME, "hub", "4", "br0", "bridge", "", "", "UP,LOWER_UP", "5a:23:a8:4b:ac:18", "10.99.220.1/24"),
            Row.of(Change.SAME, "hub", "6", "veth-blue", "veth", "blue/eth0", "br0", "UP,LOWER_UP", "72:c1:be:1b:e8:93", ""),
            Row.of(Change.SAME, "red", "1", "lo", "loopback", "", "", "LOOPBACK,UP,LOWER_UP", "00:00:00:00:00:00", "127.0.0.1/8"),
            Row.of(Change.SAME, "red", "2", "eth0", "veth", "hub/veth-red", "", "UP,LOWER_UP", "ca:12:3e:ad:19:f9", "10.99.220.2/24"),
            Row.of(Change.SAME, "blue", "1", "lo", "loopback", "", "", "LOOPBACK,UP,LOWER_UP", "00:00:00:00:00:00", "127.0.0.1/8"),
            Row.of(Change.ADDED, "blue", "5", "eth0", "veth", "hub/veth-blue", "", "UP,LOWER_UP", "42:d0:50:ee:3a:e5", "10.99.220.3/24")),
            List.of());

    /** The overlay lab's table once the image layers are mounted too. */
    private static final Annotation OVERLAY = new Annotation("overlay", List.of("path", "lower", "upper", "merged", "overlayfs"), List.of(
            Row.of(Change.SAME, "/merged/config", "dir", "dir", "dir", "merged dir"),
            Row.of(Change.SAME, "/merged/config/app.conf", "file 12 B #1452017", "", "file 12 B #1452017", ""),
            Row.of(Change.SAME, "/merged/config/old.conf", "file 11 B #1452018", "whiteout c 0/0", "(hidden)", "whiteout"),
            Row.of(Change.SAME, "/merged/hello.txt", "file 27 B #1452016", "file 50 B #1451197", "file 50 B #1452016", "copy-up"),
            Row.of(Change.CHANGED, "/image/bin/tool", "L2: file 30 B #1451378", "whiteout c 0/0", "(hidden)", "whiteout")),
            List.of());

    /** Before: "LOOPBACK,UP,L | OWER_UP", "10.99.220.3/ | 24", "hub/veth-blu | e", "42:d0:50:ee: | 3a:e5". */
    @Test
    void tokensStayWholeWhereTheTableCanHoldThemAndBreakAfterASeparatorWhereItCannot() {
        List<String> lines = new AnnotationRenderer(new Style(false, true), 110).render(NET);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(110));
        assertThat(lines).containsSubsequence(
                "│   │ netns │ if │ name      │ kind     │ peer          │ master │ state       │ MAC       │ IPv4           │",
                "│   │ red   │ 1  │ lo        │ loopback │               │        │ LOOPBACK,   │ 00:00:00: │ 127.0.0.1/8    │",
                "│   │       │    │           │          │               │        │ UP,LOWER_UP │ 00:00:00  │                │",
                "│ + │ blue  │ 5  │ eth0      │ veth     │ hub/veth-blue │        │ UP,LOWER_UP │ 42:d0:50: │ 10.99.220.3/24 │",
                "│   │       │    │           │          │               │        │             │ ee:3a:e5  │                │");
        List<String> wide = new AnnotationRenderer(new Style(false, true), 140).render(NET);
        assertThat(wide).as("room for all: one line a row").hasSize(1 + 3 + 8 + 1)
                .contains("│ + │ blue  │ 5  │ eth0      │ veth     │ hub/veth-blue │        │ UP,LOWER_UP          │ 42:d0:50:ee:3a:e5 │ 10.99.220.3/24 │");
    }

    /** Before: "/merged/config/app.con | f" in a table with room for the whole path. */
    @Test
    void aPathStaysWholeAndTheWidestColumnsWrapAtTheirSpaces() {
        List<String> lines = new AnnotationRenderer(new Style(false, true), 110).render(OVERLAY);
        assertThat(lines).contains(
                "│   │ /merged/config/app.conf │ file 12 B #1452017    │                    │ file 12 B #1452017 │            │",
                "│ ~ │ /image/bin/tool         │ L2: file 30 B         │ whiteout c 0/0     │ (hidden)           │ whiteout   │",
                "│   │                         │ #1451378              │                    │                    │            │");
        assertThat(new AnnotationRenderer(new Style(false, true), 60).render(OVERLAY)).as("too narrow for it: after a /")
                .containsSubsequence(
                        "│   │ /merged/  │ file 12 B │       │ file 12  │           │",
                        "│   │ config/   │ #1452017  │       │ B        │           │",
                        "│   │ app.conf  │           │       │ #1452017 │           │");
    }

    @Test
    void aWordWithoutSeparatorsIsCutOnlyWhenItCannotFit() {
        Annotation hash = new Annotation("cgroup", List.of("value", "now"), List.of(
                Row.of(Change.SAME, "memory cgroup", "/sys/fs/cgroup/memory/process_api/6adad5da45ce6ada3a33f6bf9a130636")), List.of());
        assertThat(new AnnotationRenderer(Style.PLAIN, 40).render(hash)).containsExactly(
                "cgroup",
                "+---+--------+---------------------+",
                "|   | value  | now                 |",
                "+---+--------+---------------------+",
                "|   | memory | /sys/fs/cgroup/     |",
                "|   | cgroup | memory/process_api/ |",
                "|   |        | 6adad5da45ce6ada3a3 |",
                "|   |        | 3f6bf9a130636       |",
                "+---+--------+---------------------+");
    }

    @Test
    void coloursRowsByChangeIncludingTheirWrappedLines() {
        Annotation a = new Annotation("ns", List.of("type", "what"), List.of(
                Row.of(Change.ADDED, "net", "a new network namespace, with only a loopback device that is down"),
                Row.of(Change.SAME, "mnt", "same"),
                Row.of(Change.REMOVED, "ipc", "gone")), List.of());
        List<String> lines = new AnnotationRenderer(new Style(true, false), 40).render(a);
        assertThat(lines.getFirst()).isEqualTo("\u001b[1mns\u001b[0m");
        assertThat(lines.get(2)).isEqualTo("|\u001b[1m   | type | what                      \u001b[0m|");
        assertThat(lines.get(4)).startsWith("|\u001b[32m + | net  | a new network").endsWith("\u001b[0m|");
        assertThat(lines.get(5)).startsWith("|\u001b[32m   |      | ");
        assertThat(lines).contains("|   | mnt  | same                      |");
        assertThat(lines).anyMatch(l -> l.startsWith("|\u001b[31m - | ipc "));
        assertThat(lines.stream().map(Style::stripAnsi)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(40));
    }

    @Test
    void rendersWithoutStringTemplateOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("org.stringtemplate.v4.ST"))
                .as("the build excludes ST4; this test proves rendering does not need it")
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(new AnnotationRenderer(Style.PLAIN, 80).render(PIDS)).hasSize(10);
    }

    @Test
    void emptyTablesAndFoldedOnes() {
        Annotation none = new Annotation("mounts", List.of("mount point", "type"), List.of(), List.of());
        assertThat(new AnnotationRenderer(Style.PLAIN, 80).render(none)).containsExactly(
                "mounts",
                "+---+-------------+------+",
                "|   | mount point | type |",
                "+---+-------------+------+");
        assertThat(new AnnotationRenderer(Style.PLAIN, 80).folded(none)).isEqualTo("mounts: no change");
    }

    @Test
    void aFigureFollowsTheTableInBoxDrawingOrInAsciiAndBeforeTheNotes() {
        Annotation net = new Annotation("net", List.of("name"), List.of(Row.of(Change.ADDED, "eth0")),
                List.of("eth0 moved"), List.of("┌─ red ─┐", "│ eth0  ├──", "└───────┘"));
        assertThat(new AnnotationRenderer(Style.PLAIN, 80).render(net)).containsSubsequence(
                "| + | eth0 |", "+- red -+", "| eth0  +--", "+-------+", "  * eth0 moved");
        assertThat(new AnnotationRenderer(new Style(false, true), 80).render(net)).contains("│ eth0  ├──");
    }
}
