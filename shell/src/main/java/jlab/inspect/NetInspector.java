package jlab.inspect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;
import jlab.inspect.NetSnapshot.LinkRow;
import jlab.net.Address;
import jlab.net.Link;
import jlab.net.Rtnetlink;

/**
 * The lab's network: every link of each of its namespaces (hub, red, blue) with index, veth peer, bridge,
 * state, MAC and IPv4 addresses, read with rtnetlink dumps in each namespace (/sys/class/net shows only the
 * reader's own). Under the table, the topology as a {@link NetDiagram}.
 */
public final class NetInspector implements Inspector<NetSnapshot> {

    private static final List<String> COLUMNS =
            List.of("netns", "if", "name", "kind", "peer", "master", "state", "MAC", "IPv4");

    @Override public String name() { return "net"; }

    @Override public List<String> aliases() { return List.of("network", "links"); }

    @Override public String describe() {
        return "links, veth peers, bridges and addresses of the lab's network namespaces (rtnetlink)";
    }

    @Override public NetSnapshot snapshot(InspectTarget target) {
        record Dumped(String netns, Link link, List<Address> addresses) {}
        List<Dumped> all = new ArrayList<>();
        for (Map.Entry<String, Rtnetlink> ns : target.networks().get().entrySet()) {
            List<Address> addresses = ns.getValue().addresses();
            for (Link link : ns.getValue().links()) {
                all.add(new Dumped(ns.getKey(), link, addresses.stream().filter(a -> a.index() == link.index()).toList()));
            }
        }
        List<LinkRow> rows = new ArrayList<>();
        for (Dumped d : all) {
            Link l = d.link();
            String peer = l.peerIndex() == 0 ? "" : all.stream()
                    .filter(o -> o.link().index() == l.peerIndex() && o.link().peerIndex() == l.index() && o != d)
                    .map(o -> o.netns() + "/" + o.link().name()).findFirst().orElse("if" + l.peerIndex());
            String master = l.master().flatMap(i -> all.stream()
                    .filter(o -> o.netns().equals(d.netns()) && o.link().index() == i)
                    .map(o -> o.link().name()).findFirst()).orElse("");
            rows.add(new LinkRow(d.netns(), l.index(), l.name(), l.kind(), peer, master, l.flagText(), l.mac(),
                    String.join(" ", d.addresses().stream().map(Address::cidr).toList())));
        }
        return new NetSnapshot(rows);
    }

    @Override public Annotation show(NetSnapshot now) {
        List<Row> rows = now.links().stream().map(l -> new Row(Change.SAME, l.cells())).toList();
        return new Annotation(name(), COLUMNS, rows, List.of(), NetDiagram.lines(now));
    }

    @Override public Annotation diff(NetSnapshot before, NetSnapshot after) {
        Map<String, LinkRow> old = new LinkedHashMap<>();
        before.links().forEach(l -> old.put(l.key(), l));
        List<Row> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (LinkRow l : after.links()) {
            LinkRow was = old.remove(l.key());
            Change change = was == null ? Change.ADDED : was.equals(l) ? Change.SAME : Change.CHANGED;
            rows.add(new Row(change, l.cells()));
            if (was == null) {
                Optional<LinkRow> movedFrom = before.links().stream()
                        .filter(b -> b.name().equals(l.name()) && !b.netns().equals(l.netns())
                                && after.links().stream().noneMatch(a -> a.key().equals(b.key())))
                        .findFirst();
                movedFrom.ifPresent(m -> notes.add(l.name() + " moved from " + m.netns() + " to " + l.netns()
                        + (m.index() == l.index() ? "" : " (index " + m.index() + " there, " + l.index() + " here)")));
            } else if (!was.state().equals(l.state())) {
                notes.add(l.key() + " went from <" + was.state() + "> to <" + l.state() + ">"
                        + (l.state().contains("UP") && !l.state().contains("LOWER_UP")
                        ? ": up, but no carrier until the other end is up too" : ""));
            }
        }
        old.values().forEach(l -> rows.add(new Row(Change.REMOVED, l.cells())));
        return new Annotation(name(), COLUMNS, rows, notes, NetDiagram.lines(after));
    }
}
