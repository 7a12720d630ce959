package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> ACTIONS = Vocabulary.ACTIONS.names();

    @Test
    void editDistanceCountsTranspositionsAsOneEdit() {
        assertThat(Suggestions.distance("unshare", "unshare")).isZero();
        assertThat(Suggestions.distance("unshar", "unshare")).isEqualTo(1);
        assertThat(Suggestions.distance("unhsare", "unshare")).isEqualTo(1);
        assertThat(Suggestions.distance("chroot", "pivot-root")).isEqualTo(6);
    }

    @Test
    void nearMissesGetTheClosestName() {
        assertThat(Suggestions.closest("unshar", ACTIONS)).contains("unshare");
        assertThat(Suggestions.closest("mount_proc", ACTIONS)).contains("mount-proc");
        assertThat(Suggestions.closest("SETHOSTNAME", ACTIONS)).contains("sethostname");
        assertThat(Suggestions.closest("pivotroot", ACTIONS)).contains("pivot-root");
    }

    @Test
    void farOrTinyWordsGetNoGuessButTheListWhenItIsShort() {
        assertThat(Suggestions.closest("veth", ACTIONS)).isEmpty();
        assertThat(Suggestions.closest("x", List.of("a", "b"))).isEmpty();
        assertThat(Suggestions.didYouMean("veth", ACTIONS)).isEqualTo("expected one of: cgroup, cgroup-move, cgroup-set, chroot, exec, make-private, "
                + "mount, mount-proc, pivot-root, sethostname, spawn, unshare");
    }
}
