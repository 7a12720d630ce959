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
