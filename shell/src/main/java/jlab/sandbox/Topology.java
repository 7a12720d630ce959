package jlab.sandbox;

import java.util.List;

import jlab.net.LabSubnet;
import jlab.net.Rtnetlink;
import jlab.sandbox.LabNetwork.Place;

/**
 * The network lab's finished topology, built in one go (for `solve`-free replays, tests and the benchmark):
 * bridge {@code br0} with {@code .1} in the hub, and for each member a veth pair whose hub end
 * {@code veth-<member>} is enslaved to br0 and whose other end is created right in the member's namespace
 * as {@code eth0} (the lab's steps move it there, which costs the kernel more) with {@code .2} (red) or {@code .3} (blue), lo and eth0 up, default route via {@code .1}.
 * Tearing down is {@link LabNetwork#close()}: the namespaces go, and every link in them with them.
 */
public final class Topology {
    private Topology() {}

    public enum Member {
        RED(Place.RED, 2), BLUE(Place.BLUE, 3);

        private final Place place;
        private final int host;

        Member(Place place, int host) {
            this.place = place;
            this.host = host;
        }

        public Place place() { return place; }

        /** The member's host part in the lab's subnet. */
        public int host() { return host; }

        /** The hub end of the member's veth pair. */
        public String hubEnd() { return "veth-" + name().toLowerCase(java.util.Locale.ROOT); }
    }

    public static final String BRIDGE = "br0", INSIDE = "eth0";
    public static final int BRIDGE_HOST = 1;

    public static void build(LabNetwork net, List<Member> members) {
        LabSubnet subnet = net.subnet();
        java.util.List<Place> places = new java.util.ArrayList<>(List.of(Place.HUB));
        members.forEach(m -> places.add(m.place()));
        net.open(places.toArray(Place[]::new)); // all at once: namespace creation overlaps
        // Each link's ifindex is looked up once, right after it is made, and used for the requests that follow.
        Rtnetlink hub = net.in(Place.HUB);
        hub.createBridge(BRIDGE);
        int bridge = hub.index(BRIDGE);
        hub.addAddress(bridge, subnet.host(BRIDGE_HOST), LabSubnet.PREFIX);
        hub.setUp(bridge, true);
        for (Member m : members) {
            net.createVeth(Place.HUB, m.hubEnd(), INSIDE, m.place());
            int hubEnd = hub.index(m.hubEnd());
            hub.setMaster(hubEnd, bridge);
            hub.setUp(hubEnd, true);
            Rtnetlink inside = net.in(m.place());
            inside.setUp(Rtnetlink.LOOPBACK_INDEX, true);
            int eth0 = inside.index(INSIDE);
            inside.addAddress(eth0, subnet.host(m.host()), LabSubnet.PREFIX);
            inside.setUp(eth0, true);
            inside.replaceDefaultRoute(subnet.host(BRIDGE_HOST));
        }
    }
}
