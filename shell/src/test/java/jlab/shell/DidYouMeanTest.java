package jlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> COMMANDS = List.of("help", "list", "start", "next", "back", "step", "check",
            "hint", "solve", "quiz", "show", "exec", "reset", "quit", "exit");

    @Test
    void suggestsTheNearestName() {
        assertThat(DidYouMean.suggest("nxt", COMMANDS)).hasValue("next");
        assertThat(DidYouMean.suggest("chekc", COMMANDS)).hasValue("check");
        assertThat(DidYouMean.suggest("namespace", List.of("namespaces", "network", "cgroups"))).hasValue("namespaces");
        assertThat(DidYouMean.suggest("sta", COMMANDS)).hasValue("start");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(DidYouMean.suggest("xyzzy", COMMANDS)).isEmpty();
        assertThat(DidYouMean.suggest("ls", COMMANDS)).isEmpty();
    }
}
