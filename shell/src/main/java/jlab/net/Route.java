package jlab.net;

import java.util.Optional;

/** An IPv4 route of the main table, from an RTM_NEWROUTE message. */
public record Route(Optional<Ipv4> destination, int dstLength, Optional<Ipv4> gateway, int outIndex, int scope) {

    /** The route, or empty for one outside the main table (local, broadcast). */
    public static Optional<Route> from(Message message) {
        if (!(message.body() instanceof Message.RtMsg r)) {
            throw new IllegalArgumentException(Rtnl.typeName(message.type()) + " is not a route message");
        }
        int table = Attr.find(r.attrs(), Rtnl.RTA_TABLE).map(Attr::asU32).orElse(r.table());
        if (table != Rtnl.RT_TABLE_MAIN) return Optional.empty();
        return Optional.of(new Route(Attr.find(r.attrs(), Rtnl.RTA_DST).map(Attr::asIpv4), r.dstLength(),
                Attr.find(r.attrs(), Rtnl.RTA_GATEWAY).map(Attr::asIpv4),
                Attr.find(r.attrs(), Rtnl.RTA_OIF).map(Attr::asU32).orElse(0), r.scope()));
    }

    public boolean isDefault() { return dstLength == 0; }

    /** {@code default via 10.1.2.1} or {@code 10.1.2.0/24}, as ip route prints it. */
    public String text() {
        String dst = isDefault() ? "default" : destination.map(Ipv4::toString).orElse("?") + "/" + dstLength;
        return dst + gateway.map(g -> " via " + g).orElse("");
    }
}
