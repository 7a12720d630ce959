package jlab.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The rtnetlink requests jlab sends, built as pure values (no socket), byte for byte what iproute2
 * sends for the same command (see NetlinkCodecTest). NLM_F_REQUEST, NLM_F_ACK and the sequence number
 * are added by {@link NetlinkSocket}.
 */
public final class Requests {
    private Requests() {}

    private static final int CREATE = Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL;

    /** {@code ip link add NAME type veth peer name PEER}, the peer created in {@code peerNetnsFd}'s namespace when >= 0. */
    public static Message newVeth(String name, String peer, int peerNetnsFd) {
        List<Attr> peerAttrs = new ArrayList<>(List.of(Attr.string(Rtnl.IFLA_IFNAME, peer)));
        if (peerNetnsFd >= 0) peerAttrs.add(Attr.u32(Rtnl.IFLA_NET_NS_FD, peerNetnsFd));
        byte[] peerInfo = NetlinkCodec.encodeIfInfo(Message.IfInfo.of(0, peerAttrs));
        return Message.request(Rtnl.RTM_NEWLINK, CREATE, Message.IfInfo.of(0, List.of(
                Attr.string(Rtnl.IFLA_IFNAME, name),
                Attr.nested(Rtnl.IFLA_LINKINFO, Attr.text(Rtnl.IFLA_INFO_KIND, "veth"),
                        Attr.nested(Rtnl.IFLA_INFO_DATA, Attr.bytes(Rtnl.VETH_INFO_PEER, peerInfo))))));
    }

    /** {@code ip link add NAME type bridge}. */
    public static Message newBridge(String name) {
        return Message.request(Rtnl.RTM_NEWLINK, CREATE, Message.IfInfo.of(0, List.of(
                Attr.string(Rtnl.IFLA_IFNAME, name),
                Attr.nested(Rtnl.IFLA_LINKINFO, Attr.text(Rtnl.IFLA_INFO_KIND, "bridge")))));
    }

    /** {@code ip link set dev INDEX master MASTER}. */
    public static Message setMaster(int index, int masterIndex) {
        return Message.request(Rtnl.RTM_NEWLINK, 0, Message.IfInfo.of(index, List.of(Attr.u32(Rtnl.IFLA_MASTER, masterIndex))));
    }

    /** {@code ip link set dev INDEX netns NS}, NS given as an open descriptor of its nsfs file. */
    public static Message moveToNamespace(int index, int netnsFd) {
        return Message.request(Rtnl.RTM_NEWLINK, 0, Message.IfInfo.of(index, List.of(Attr.u32(Rtnl.IFLA_NET_NS_FD, netnsFd))));
    }

    /** {@code ip link set dev INDEX up|down}: only IFF_UP changes (ifi_change masks the others). */
    public static Message setUp(int index, boolean up) {
        return Message.request(Rtnl.RTM_NEWLINK, 0,
                new Message.IfInfo(Rtnl.AF_UNSPEC, 0, index, up ? Rtnl.IFF_UP : 0, Rtnl.IFF_UP, List.of()));
    }

    public static Message deleteLink(int index) {
        return Message.request(Rtnl.RTM_DELLINK, 0, Message.IfInfo.of(index, List.of()));
    }

    /** {@code ip addr add ADDRESS/PREFIX dev INDEX} (or del): IFA_LOCAL and IFA_ADDRESS both the address. */
    public static Message address(boolean add, int index, Ipv4 address, int prefixLength) {
        return Message.request(add ? Rtnl.RTM_NEWADDR : Rtnl.RTM_DELADDR, add ? CREATE : 0,
                new Message.IfAddr(Rtnl.AF_INET, prefixLength, 0, Rtnl.RT_SCOPE_UNIVERSE, index,
                        List.of(Attr.ipv4(Rtnl.IFA_LOCAL, address), Attr.ipv4(Rtnl.IFA_ADDRESS, address))));
    }

    /**
     * {@code ip route replace default via GATEWAY}: made, or put in place of a default route already there (one a
     * learner added wrongly, say), so that a lab's solution works whatever was tried before.
     */
    public static Message defaultRoute(Ipv4 gateway) {
        return Message.request(Rtnl.RTM_NEWROUTE, Rtnl.NLM_F_CREATE | Rtnl.NLM_F_REPLACE, new Message.RtMsg(Rtnl.AF_INET, 0, 0, 0,
                Rtnl.RT_TABLE_MAIN, Rtnl.RTPROT_BOOT, Rtnl.RT_SCOPE_UNIVERSE, Rtnl.RTN_UNICAST, 0,
                List.of(Attr.ipv4(Rtnl.RTA_GATEWAY, gateway))));
    }

    public static Message dumpLinks() {
        return Message.request(Rtnl.RTM_GETLINK, Rtnl.NLM_F_DUMP, Message.IfInfo.of(0, List.of()));
    }

    public static Message dumpAddresses() {
        return Message.request(Rtnl.RTM_GETADDR, Rtnl.NLM_F_DUMP, new Message.IfAddr(Rtnl.AF_INET, 0, 0, 0, 0, List.of()));
    }

    public static Message dumpRoutes() {
        return Message.request(Rtnl.RTM_GETROUTE, Rtnl.NLM_F_DUMP,
                new Message.RtMsg(Rtnl.AF_INET, 0, 0, 0, 0, 0, 0, 0, 0, List.of()));
    }

    /** {@code ip link show NAME}: one RTM_NEWLINK answer, or ENODEV. */
    public static Message getLink(String name) {
        return Message.request(Rtnl.RTM_GETLINK, 0, Message.IfInfo.of(0, List.of(Attr.string(Rtnl.IFLA_IFNAME, name))));
    }
}
