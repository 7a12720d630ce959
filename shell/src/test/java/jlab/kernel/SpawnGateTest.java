package jlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What a gated spawn really starts, and what the gate refuses, on literal specs. */
class SpawnGateTest {

    @Test
    void theStandInIsTheGatesShellWithTheProgramsArgvAfterTheScript() {
        SpawnSpec spec = SpawnSpec.of("/bin/sleep", List.of("sleep", "100")).withGate(new SpawnSpec.Gate("/bin/sh", 17));
        SpawnSpec standIn = SpawnGate.standIn(spec);
        assertThat(standIn.path()).isEqualTo("/bin/sh");
        assertThat(standIn.argv()).containsExactly("sh", "-c",
                "read -r _ <&3 && exec 3<&- && export PATH='/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'"
                        + " && unset PWD SHLVL && exec -a \"$0\" \"$@\"",
                "sleep", "/bin/sleep", "100");
        assertThat(standIn.env()).isEqualTo(spec.env());
        assertThat(standIn.gate()).isNull();
        assertThat(List.of(standIn.stdin(), standIn.stdout(), standIn.stderr(), standIn.newSession()))
                .containsExactly(SpawnSpec.DEV_NULL, SpawnSpec.DEV_NULL, SpawnSpec.DEV_NULL, true);
    }

    @Test
    void whatTheShellWouldChangeIsPutBackQuoted() {
        assertThat(SpawnGate.script(List.of("SHLVL=3", "PWD=/it's", "IFS=:", "A=1")))
                .isEqualTo("read -r _ <&3 && exec 3<&- && export PWD='/it'\\''s' SHLVL='3' IFS=':' && unset PATH"
                        + " && exec -a \"$0\" \"$@\"");
    }

    @Test
    void theTerminalAndTheSessionStayTheProgramsOwn() {
        SpawnSpec spec = new SpawnSpec("/bin/sh", List.of("-sh"), List.of("TERM=vt100"), SpawnSpec.TERMINAL,
                SpawnSpec.TERMINAL, SpawnSpec.TERMINAL, true, "/dev/pts/0").withGate(new SpawnSpec.Gate("/bin/sh", 9));
        SpawnSpec standIn = SpawnGate.standIn(spec);
        assertThat(standIn.terminal()).isEqualTo("/dev/pts/0");
        assertThat(standIn.stdin()).isEqualTo(SpawnSpec.TERMINAL);
        assertThat(standIn.argv().subList(3, 5)).as("argv[0] as asked, then the path").containsExactly("-sh", "/bin/sh");
    }

    @Test
    void refusesWhatTheShellCouldNotHandOnUnchanged() {
        SpawnSpec.Gate gate = new SpawnSpec.Gate("/bin/sh", 5);
        assertThatThrownBy(() -> SpawnSpec.of("sleep", List.of("sleep")).withGate(gate))
                .hasMessageContaining("named by a path");
        assertThatThrownBy(() -> new SpawnSpec("/bin/env", List.of("env"), List.of("A-B=1"), -1, -1, -1, true).withGate(gate))
                .hasMessageContaining("drop this environment entry: A-B=1");
        assertThatThrownBy(() -> new SpawnSpec("/bin/env", List.of("env"), List.of("A=1", "A=2"), -1, -1, -1, true).withGate(gate))
                .hasMessageContaining("only one of these: A=2");
        assertThatThrownBy(() -> new SpawnSpec.Gate("sh", 5)).hasMessageContaining("absolute path");
        assertThatThrownBy(() -> SpawnGate.standIn(SpawnSpec.of("/bin/true", List.of("true")))).hasMessageContaining("not a gated spawn");
    }
}
