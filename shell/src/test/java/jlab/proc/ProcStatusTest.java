package jlab.proc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatusTest {

    /** `cat /proc/self/status` on the dev machine (Debian 12, kernel 6.18), trimmed after the signal masks. */
    private static final String CAT_SELF = """
            Name:	cat
            Umask:	0022
            State:	R (running)
            Tgid:	4640
            Ngid:	0
            Pid:	4640
            PPid:	4638
            TracerPid:	0
            Uid:	0	0	0	0
            Gid:	0	0	0	0
            FDSize:	256
            Groups:	\s
            NStgid:	4640
            NSpid:	4640
            NSpgid:	4638
            NSsid:	3250
            Kthread:	0
            VmPeak:	    3060 kB
            VmSize:	    3060 kB
            Threads:	1
            SigQ:	0/96365
            SigPnd:	0000000000000000
            CapEff:	000001fffeffffff
            Cpus_allowed_list:	0-1
            voluntary_ctxt_switches:	0
            nonvoluntary_ctxt_switches:	0
            """;

    /** A `sleep 30` two pid namespaces deep (`unshare -pf sh -c 'unshare -pf sleep 30'`), seen from the host. */
    private static final String NESTED_SLEEP = """
            Name:	sleep
            State:	S (sleeping)
            Tgid:	5273
            Pid:	5273
            PPid:	5272
            Uid:	0	0	0	0
            NStgid:	5273	3	1
            NSpid:	5273	3	1
            NSpgid:	5267	0	0
            NSsid:	3250	0	0
            Threads:	1
            """;

    /** A child of `sh -c 'true & exec sleep 2'` that nobody reaped. */
    private static final String ZOMBIE = """
            Name:	sh
            State:	Z (zombie)
            Pid:	7332
            PPid:	7330
            NSpid:	7332
            Threads:	1
            """;

    /** bash after `echo -n "my (x) y)" > /proc/$$/comm`. */
    private static final String ODD_NAME = """
            Name:	my (x) y)
            State:	R (running)
            Pid:	4842
            PPid:	4830
            Uid:	0	0	0	0
            NSpid:	4842
            Threads:	1
            """;

    @Test
    void parsesAHostProcess() {
        ProcStatus s = ProcStatus.parse(CAT_SELF);

        assertThat(s).isEqualTo(new ProcStatus("cat", 'R', "running", 4640, 4638, java.util.List.of(4640), 0, 1));
        assertThat(s.nsDepth()).isEqualTo(1);
        assertThat(s.innermostPid()).isEqualTo(4640);
        assertThat(s.stateText()).isEqualTo("R (running)");
    }

    @Test
    void nsPidListsHostFirstAndInnermostLast() {
        ProcStatus s = ProcStatus.parse(NESTED_SLEEP);

        assertThat(s.nsPids()).containsExactly(5273, 3, 1);
        assertThat(s.innermostPid()).isEqualTo(1);
        assertThat(s.nsDepth()).isEqualTo(3);
        assertThat(s.pid()).isEqualTo(5273);
        assertThat(s.ppid()).isEqualTo(5272);
        assertThat(s.state()).isEqualTo('S');
        assertThat(s.stateWord()).isEqualTo("sleeping");
    }

    @Test
    void recognisesAZombieAndToleratesMissingUid() {
        ProcStatus s = ProcStatus.parse(ZOMBIE);

        assertThat(s.zombie()).isTrue();
        assertThat(s.stateWord()).isEqualTo("zombie");
        assertThat(s.uid()).isEqualTo(-1);
    }

    @Test
    void keepsANameWithSpacesAndParentheses() {
        assertThat(ProcStatus.parse(ODD_NAME).name()).isEqualTo("my (x) y)");
    }
}
