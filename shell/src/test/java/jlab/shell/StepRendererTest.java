package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.CheckResult;

/** Syscall and check lines at a 110-column terminal, and on one whose width is unknown. */
class StepRendererTest {

    private static final List<String> CALLS = List.of(
            "mount(NULL, \"/\", NULL, MS_REC|MS_PRIVATE, NULL) = 0",
            "mount(\"/run/jlab/s29027-dcb211/rootfs-1\", \"/run/jlab/s29027-dcb211/rootfs-1\", NULL, MS_BIND|MS_REC, NULL) = 0",
            "posix_spawn(\"/bin/sh\", [\"/bin/sh\", \"-c\", \"trap '' TERM INT; while :; do sleep 1000; done\"]) = 0 (pid 12735)");

    private static final CheckReport CHECKS = new CheckReport(List.of(
            new CheckResult("a process /while :; do :; done$/ in state T in the container", false,
                    "[PID 3037 R parent 0 (/bin/sh -c renice -n 19 -p $$ >/dev/n...)]"),
            new CheckResult("link eth0 in red has qdisc noqueue", true, "eth0 is UP,LOWER_UP, mtu 1500, qdisc noqueue, "
                    + "master none, 10.120.67.2/24")));

    @Test
    void longSyscallsContinueUnderTheirArguments() {
        assertThat(new StepRenderer(Style.PLAIN, 110, 110).syscalls(CALLS)).containsExactly(
                "  mount(NULL, \"/\", NULL, MS_REC|MS_PRIVATE, NULL) = 0",
                "  mount(\"/run/jlab/s29027-dcb211/rootfs-1\", \"/run/jlab/s29027-dcb211/rootfs-1\", NULL, MS_BIND|MS_REC,",
                "      NULL) = 0",
                "  posix_spawn(\"/bin/sh\", [\"/bin/sh\", \"-c\", \"trap '' TERM INT; while :; do sleep 1000; done\"]) = 0 (pid 12735)");
        assertThat(new StepRenderer(Style.PLAIN, 100, 100).syscalls(CALLS.subList(2, 3))).as("not '=' / '0 (pid 12735)'")
                .containsExactly(
                        "  posix_spawn(\"/bin/sh\", [\"/bin/sh\", \"-c\",",
                        "      \"trap '' TERM INT; while :; do sleep 1000; done\"]) = 0 (pid 12735)");
    }

    @Test
    void longCheckDetailsContinueUnderTheDescription() {
        assertThat(new StepRenderer(new Style(false, true), 110, 110).checks(CHECKS)).containsExactly(
                "  ✗ a process /while :; do :; done$/ in state T in the container — [PID 3037 R parent 0 (/bin/sh -c renice -n",
                "    19 -p $$ >/dev/n...)]",
                "  ✓ link eth0 in red has qdisc noqueue — eth0 is UP,LOWER_UP, mtu 1500, qdisc noqueue, master none,",
                "    10.120.67.2/24");
        assertThat(new StepRenderer(Style.PLAIN, 110, 110).checks(CHECKS).get(1)).as("under 'x ' in ASCII")
                .isEqualTo("    19 -p $$ >/dev/n...)]");
    }

    @Test
    void aTerminalOfUnknownWidthGetsTheLinesWhole() {
        StepRenderer unknown = new StepRenderer(Style.PLAIN, 80);
        assertThat(unknown.syscalls(CALLS)).containsExactly(CALLS.stream().map(c -> "  " + c).toArray(String[]::new));
        assertThat(unknown.checks(CHECKS)).hasSize(2);
        assertThat(StepRenderer.of(new ScriptConsole(List.of())).syscalls(CALLS)).hasSize(3);
    }
}
