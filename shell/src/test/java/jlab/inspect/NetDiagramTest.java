package jlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jlab.inspect.NetSnapshot.LinkRow;

/** The network diagram on snapshots shaped like the network lab's steps, as the learner sees it. */
class NetDiagramTest {

    private static LinkRow link(String ns, int index, String name, String kind, String peer, String master,
                                String state, String addresses) {
        return new LinkRow(ns, index, name, kind, peer, master, state, "02:00:00:00:00:0" + index, addresses);
    }

    private static LinkRow lo(String ns, boolean up) {
        return link(ns, 1, "lo", "", "", "", up ? "LOOPBACK,UP,LOWER_UP" : "LOOPBACK,DOWN", up ? "127.0.0.1/8" : "");
    }

    private static String draw(NetSnapshot s) {
        return String.join("\n", NetDiagram.lines(s)) + "\n";
    }

    @Test void oneNamespaceWithOnlyLoIsOneBox() {
        assertThat(draw(new NetSnapshot(List.of(lo("red", false))))).isEqualTo("""
                ┌─ red ────────────────┐
                │ lo DOWN              │
                └──────────────────────┘
                """);
    }

    @Test void aPairInsideOneNamespaceIsBracketed() {
        assertThat(draw(new NetSnapshot(List.of(lo("hub", false),
                link("hub", 2, "eth0", "veth", "hub/veth-red", "", "DOWN", ""),
                link("hub", 3, "veth-red", "veth", "hub/eth0", "", "DOWN", ""))))).isEqualTo("""
                ┌─ hub ────────────────┐
                │ lo       DOWN        │
                │ eth0     DOWN     ═╗ │
                │ veth-red DOWN     ═╝ │
                └──────────────────────┘
                """);
    }

    @Test void aPairBetweenNamespacesIsAnEdgeWithStateAndAddressAtBothEnds() {
        assertThat(draw(new NetSnapshot(List.of(lo("hub", false),
                link("hub", 3, "veth-red", "veth", "red/eth0", "", "UP", "10.214.7.1/24"),
                lo("red", true),
                link("red", 2, "eth0", "veth", "hub/veth-red", "", "DOWN", "10.214.7.2/24"))))).isEqualTo("""
                ┌─ hub ─────────────────────────────┐      ┌─ red ───────────────────┐
                │ lo       DOWN                     │      │ lo   UP   127.0.0.1/8   │
                │ veth-red NO-CARRIER 10.214.7.1/24 ├──────┤ eth0 DOWN 10.214.7.2/24 │
                └───────────────────────────────────┘      └─────────────────────────┘
                """);
    }

    private static final NetSnapshot BRIDGE = new NetSnapshot(List.of(lo("hub", false),
            link("hub", 3, "veth-red", "veth", "red/eth0", "br0", "UP,LOWER_UP", ""),
            link("hub", 4, "br0", "bridge", "", "", "UP,LOWER_UP", "10.214.7.1/24"),
            link("hub", 5, "veth-blue", "veth", "blue/eth0", "br0", "DOWN", ""),
            lo("red", true),
            link("red", 2, "eth0", "veth", "hub/veth-red", "", "UP,LOWER_UP", "10.214.7.2/24"),
            lo("blue", true),
            link("blue", 2, "eth0", "veth", "hub/veth-blue", "", "UP", "10.214.7.3/24")));

    @Test void aBridgeIsAHubWithItsPortsUnderItAndALegToEachContainer() {
        assertThat(draw(BRIDGE)).isEqualTo("""
                ┌─ hub ──────────────────────────┐
                │ lo          DOWN               │      ┌─ red ─────────────────────────┐
                │ br0         UP   10.214.7.1/24 │      │ lo   UP 127.0.0.1/8           │
                │ ├─veth-red  UP                 ├──────┤ eth0 UP 10.214.7.2/24         │
                │ └─veth-blue DOWN               ├─┐    └───────────────────────────────┘
                └────────────────────────────────┘ │    ┌─ blue ────────────────────────┐
                                                   │    │ lo   UP         127.0.0.1/8   │
                                                   └────┤ eth0 NO-CARRIER 10.214.7.3/24 │
                                                        └───────────────────────────────┘
                """);
    }

    @Test void withoutUnicodeTheSameShapeInAscii() {
        List<String> ascii = NetDiagram.lines(BRIDGE, false);
        assertThat(ascii.get(3)).isEqualTo("| +-veth-red  UP                 +------+ eth0 UP 10.214.7.2/24         |");
        assertThat(ascii.get(7)).isEqualTo("                                   +----+ eth0 NO-CARRIER 10.214.7.3/24 |");
        assertThat(ascii).allSatisfy(l -> assertThat(l).matches("[ -~]*"));
        assertThat(NetDiagram.lines(BRIDGE)).extracting(String::length).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(80));
    }

    @Test void addressesThatDoNotFitIn80ColumnsGoOnTheirOwnLineAndTheEdgeStillMeetsTheLink() {
        List<String> lines = NetDiagram.lines(new NetSnapshot(List.of(
                link("hub", 3, "veth-learner1", "veth", "red/eth0", "", "UP", "10.214.7.1/24 10.214.8.1/24 10.214.9.1/24 10.214.10.1/24 10.214.11.1/24"),
                link("red", 2, "eth0", "veth", "hub/veth-learner1", "", "UP,LOWER_UP", ""))));
        assertThat(lines).containsExactly(
                "┌─ hub ──────────────────────────────────────────┐      ┌─ red ────────────────┐",
                "│ veth-learner1 NO-CARRIER                       ├──────┤ eth0 UP              │",
                "│   10.214.7.1/24 10.214.8.1/24 10.214.9.1/24 1… │      └──────────────────────┘",
                "└────────────────────────────────────────────────┘");
    }

    @Test void noLinksNoPicture() {
        assertThat(NetDiagram.lines(new NetSnapshot(List.of()))).isEmpty();
    }
}
