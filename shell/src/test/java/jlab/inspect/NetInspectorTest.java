package jlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.inspect.Annotation.Change;
import jlab.inspect.NetSnapshot.LinkRow;

/** The net inspector's diff and veth-pair lines, on snapshots shaped like the lab's move step. */
class NetInspectorTest {
    private final NetInspector inspector = new NetInspector();

    private static LinkRow row(String ns, int index, String name, String peer, String state) {
        return new LinkRow(ns, index, name, "veth", peer, "", state, "02:00:00:00:00:0" + index, "");
    }

    @Test void movedLinkIsRemovedThereAddedHereAndNamedInANote() {
        var before = new NetSnapshot(List.of(row("hub", 2, "eth0", "hub/veth-red", "DOWN"),
                row("hub", 3, "veth-red", "hub/eth0", "DOWN")));
        var after = new NetSnapshot(List.of(row("hub", 3, "veth-red", "red/eth0", "DOWN"),
                row("red", 2, "eth0", "hub/veth-red", "DOWN")));
        Annotation diff = inspector.diff(before, after);
        assertThat(diff.rows()).extracting(Annotation.Row::change)
                .containsExactly(Change.CHANGED, Change.ADDED, Change.REMOVED);
        assertThat(diff.notes()).containsExactly("eth0 moved from hub to red");
        assertThat(diff.figure()).as("the diagram of the state after the step").containsExactly(
                "┌─ hub ────────────────┐      ┌─ red ────────────────┐",
                "│ veth-red DOWN        ├──────┤ eth0 DOWN            │",
                "└──────────────────────┘      └──────────────────────┘");
    }

    @Test void upWithoutCarrierIsExplained() {
        var before = new NetSnapshot(List.of(row("hub", 3, "veth-red", "red/eth0", "DOWN")));
        var after = new NetSnapshot(List.of(row("hub", 3, "veth-red", "red/eth0", "UP")));
        assertThat(inspector.diff(before, after).notes())
                .contains("hub/veth-red went from <DOWN> to <UP>: up, but no carrier until the other end is up too");
    }

    @Test void emptyLabShowsAnEmptyTable() {
        Annotation shown = inspector.show(new NetSnapshot(List.of()));
        assertThat(shown.rows()).isEmpty();
        assertThat(shown.columns()).contains("peer", "master", "IPv4");
        assertThat(Inspectors.byName("network")).containsInstanceOf(NetInspector.class);
    }
}
