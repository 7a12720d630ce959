package jlab.inspect;

import java.util.List;

/** The links of the lab's network namespaces, as rtnetlink dumps show them; empty before the lab has any. */
public record NetSnapshot(List<LinkRow> links) {

    public NetSnapshot {
        links = List.copyOf(links);
    }

    /**
     * One link: its namespace (hub, red, blue), ifindex, name, kind, the other end of a veth
     * ({@code red/eth0}, or {@code if7} when it is in no namespace jlab reads), bridge, state, MAC, IPv4 addresses.
     */
    public record LinkRow(String netns, int index, String name, String kind, String peer, String master, String state,
                          String mac, String addresses) {

        String key() { return netns + "/" + name; }

        List<String> cells() {
            return List.of(netns, String.valueOf(index), name, kind, peer, master, state, mac, addresses);
        }
    }
}
