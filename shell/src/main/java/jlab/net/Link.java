package jlab.net;

import java.util.List;
import java.util.Optional;

/**
 * A network interface as an RTM_NEWLINK message describes it. {@code peerIndex} is IFLA_LINK: for a veth
 * end, the ifindex of the other end, in whatever namespace that is; {@code masterIndex} is the bridge it
 * is enslaved to (0: none).
 */
public record Link(int index, String name, String kind, int flags, int mtu, String mac, int masterIndex,
                   int peerIndex, String operState) {

    private static final List<String> OPER_STATES =
            List.of("UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP");

    public static Link from(Message message) {
        if (!(message.body() instanceof Message.IfInfo info)) {
            throw new IllegalArgumentException(Rtnl.typeName(message.type()) + " is not a link message");
        }
        List<Attr> attrs = info.attrs();
        String kind = Attr.find(attrs, Rtnl.IFLA_LINKINFO)
                .flatMap(li -> Attr.find(li.children(), Rtnl.IFLA_INFO_KIND)).map(Attr::asString)
                .orElse((info.flags() & Rtnl.IFF_LOOPBACK) != 0 ? "loopback" : "");
        int oper = Attr.find(attrs, Rtnl.IFLA_OPERSTATE).map(Attr::asU8).orElse(0);
        return new Link(info.index(), Attr.find(attrs, Rtnl.IFLA_IFNAME).map(Attr::asString).orElse("?"), kind,
                info.flags(), Attr.find(attrs, Rtnl.IFLA_MTU).map(Attr::asU32).orElse(0),
                Attr.find(attrs, Rtnl.IFLA_ADDRESS).map(Attr::asMac).orElse(""),
                Attr.find(attrs, Rtnl.IFLA_MASTER).map(Attr::asU32).orElse(0),
                Attr.find(attrs, Rtnl.IFLA_LINK).map(Attr::asU32).filter(i -> i != info.index()).orElse(0),
                oper < OPER_STATES.size() ? OPER_STATES.get(oper) : String.valueOf(oper));
    }

    /** The administrative UP flag: set by `ip link set X up`. */
    public boolean up() { return (flags & Rtnl.IFF_UP) != 0; }

    /** The carrier: for a veth, set once both ends are up. */
    public boolean lowerUp() { return (flags & Rtnl.IFF_LOWER_UP) != 0; }

    /**
     * {@code UP,LOWER_UP} as in ip's angle brackets, only the flags the lab talks about; like ip, an up link
     * without carrier is {@code NO-CARRIER,UP}.
     */
    public String flagText() {
        String text = up() ? (lowerUp() ? "UP,LOWER_UP" : "NO-CARRIER,UP") : "DOWN" + (lowerUp() ? ",LOWER_UP" : "");
        return (flags & Rtnl.IFF_LOOPBACK) != 0 ? "LOOPBACK," + text : text;
    }

    public Optional<Integer> master() { return masterIndex == 0 ? Optional.empty() : Optional.of(masterIndex); }
}
