package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

import jlab.sandbox.HostTools;

/** The validator accepts exactly the tools the sandbox can install (jlab.lab may not depend on jlab.sandbox). */
class SandboxRulesToolsTest {
    @Test
    void installableToolsMatchTheSandboxsHostTools() {
        assertThat(SandboxRules.INSTALLABLE).isEqualTo(new HashSet<>(HostTools.names()));
    }

    @Test
    void signalNamesAreReadWithOrWithoutSig() {
        assertThat(new Action.SendSignal(null, "term", null).kernelSignal()).contains(jlab.kernel.Signal.SIGTERM);
        assertThat(new Action.SendSignal(null, "SIGKILL", null).kernelSignal()).contains(jlab.kernel.Signal.SIGKILL);
        assertThat(new Action.SendSignal(null, "TERMX", null).kernelSignal()).isEmpty();
        assertThat(new Action.SendSignal(null, "TERM", null).from()).isEqualTo(Action.SendSignal.From.CONTAINER);
    }
}
