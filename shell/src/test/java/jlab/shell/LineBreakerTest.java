package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.shell.LineBreaker.Breaks;

/** Long lines as jlab printed them at 110 columns, and where they break now. */
class LineBreakerTest {

    private static final String MOUNT = "  mount(\"/run/jlab/s29027-dcb211/rootfs-1\", \"/run/jlab/s29027-dcb211/rootfs-1\","
            + " NULL, MS_BIND|MS_REC, NULL) = 0";

    @Test
    void aSyscallBreaksAfterAnArgumentAndKeepsItsResult() {
        assertThat(LineBreaker.wrap(MOUNT, 110, "      ", Breaks.CALL)).containsExactly(
                "  mount(\"/run/jlab/s29027-dcb211/rootfs-1\", \"/run/jlab/s29027-dcb211/rootfs-1\", NULL, MS_BIND|MS_REC,",
                "      NULL) = 0");
        String netlink = "  RTM_NEWLINK(NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, ifname=\"veth-red\", kind=\"veth\","
                + " peer={ifname=\"eth0\"}) = 0 (ACK)";
        assertThat(LineBreaker.wrap(netlink, 60, "      ", Breaks.CALL)).containsExactly(
                "  RTM_NEWLINK(NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|",
                "      NLM_F_CREATE, ifname=\"veth-red\", kind=\"veth\",",
                "      peer={ifname=\"eth0\"}) = 0 (ACK)");
    }

    @Test
    void aSyscallWithALongStringBreaksBetweenItsArgumentsFirst() {
        String spawn = "  posix_spawn(\"/bin/sh\", [\"/bin/sh\", \"-c\", \"renice -n 19 -p $$ >/dev/null; echo $$ > /run/busy.pid;"
                + " while :; do :; done\"]) = 0 (pid 12735)";
        assertThat(LineBreaker.wrap(spawn, 110, "      ", Breaks.CALL)).containsExactly(
                "  posix_spawn(\"/bin/sh\", [\"/bin/sh\", \"-c\",",
                "      \"renice -n 19 -p $$ >/dev/null; echo $$ > /run/busy.pid; while :; do :; done\"]) = 0 (pid 12735)");
        assertThat(LineBreaker.wrap(spawn, 80, "      ", Breaks.CALL)).as("then at spaces, never inside the result").containsExactly(
                "  posix_spawn(\"/bin/sh\", [\"/bin/sh\", \"-c\",",
                "      \"renice -n 19 -p $$ >/dev/null; echo $$ > /run/busy.pid; while :; do :;",
                "      done\"]) = 0 (pid 12735)");
    }

    @Test
    void proseBreaksAtSpacesWithAHangingIndent() {
        String check = "  ✗ a process /while :; do :; done$/ in state T in the container — [PID 3037 R parent 0"
                + " (/bin/sh -c renice -n 19 -p $$ >/dev/n...)]";
        assertThat(LineBreaker.wrap(check, 110, "    ", Breaks.WORDS)).containsExactly(
                "  ✗ a process /while :; do :; done$/ in state T in the container — [PID 3037 R parent 0 (/bin/sh -c renice -n",
                "    19 -p $$ >/dev/n...)]");
        String events = "! sh -c 'sleep 0.05 & sleep 0.05 & sleep 0.05 & exec sleep 0.5': jlab started sh. sh forked 3 children;"
                + " 3 exited; nobody waited (3 zombies left)";
        assertThat(LineBreaker.wrap(events, 110, "  ", Breaks.WORDS)).containsExactly(
                "! sh -c 'sleep 0.05 & sleep 0.05 & sleep 0.05 & exec sleep 0.5': jlab started sh. sh forked 3 children; 3",
                "  exited; nobody waited (3 zombies left)");
    }

    @Test
    void aWordLongerThanTheLineBreaksAfterASeparatorAndIsCutOnlyWithoutOne() {
        assertThat(LineBreaker.wrap("LOOPBACK,UP,LOWER_UP", 12, "", Breaks.WORDS)).containsExactly("LOOPBACK,UP,", "LOWER_UP");
        assertThat(LineBreaker.wrap("/merged/config/app.conf", 20, "", Breaks.WORDS)).containsExactly("/merged/config/", "app.conf");
        assertThat(LineBreaker.wrap("6adad5da45ce6ada3a33f6bf9a130636", 12, "", Breaks.WORDS))
                .containsExactly("6adad5da45ce", "6ada3a33f6bf", "9a130636");
        assertThat(LineBreaker.wrap("rw /a/b/c/d", 6, "", Breaks.WORDS)).as("a space first, then separators")
                .containsExactly("rw", "/a/b/", "c/d");
    }

    @Test
    void linesThatFitOrAnUnknownWidthStayWhole() {
        assertThat(LineBreaker.wrap(MOUNT, 0, "    ", Breaks.CALL)).containsExactly(MOUNT);
        assertThat(LineBreaker.wrap("  short", 7, "    ", Breaks.WORDS)).containsExactly("  short");
        assertThat(LineBreaker.wrap("a b   ", 3, "", Breaks.WORDS)).as("trailing blanks go with the break").containsExactly("a b");
    }

    @Test
    void coloursAreResetAtABreakAndTakenUpAfterTheIndent() {
        Style style = new Style(true, true);
        String line = "  " + style.green("✓ link lo in red is up") + style.dim(" — lo is <LOOPBACK,UP,LOWER_UP> and more");
        List<String> lines = LineBreaker.wrap(line, 40, "    ", Breaks.WORDS);
        assertThat(lines).containsExactly(
                "  \u001b[32m✓ link lo in red is up\u001b[0m\u001b[2m — lo is\u001b[0m",
                "    \u001b[2m<LOOPBACK,UP,LOWER_UP> and more\u001b[0m");
        assertThat(lines.stream().map(Style::visibleLength)).allMatch(w -> w <= 40);
        String dim = style.dim("  unshare(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID|CLONE_NEWNET) = 0");
        assertThat(LineBreaker.wrap(dim, 50, "      ", Breaks.CALL)).containsExactly(
                "\u001b[2m  unshare(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|\u001b[0m",
                "      \u001b[2mCLONE_NEWPID|CLONE_NEWNET) = 0\u001b[0m");
    }
}
