package jlab.net;

import java.util.ArrayList;
import java.util.List;

/**
 * A request as the learner reads it in the syscall log, close to strace's decoding:
 * {@code RTM_NEWLINK(NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, ifname="veth-red", kind="veth", peer={ifname="eth0"})}.
 */
public final class MessageText {
    private MessageText() {}

    /** The arguments part: flags, then the fixed header's interesting fields, then the attributes. */
    public static List<String> arguments(Message m) {
        List<String> args = new ArrayList<>();
        args.add(Rtnl.flagNames(m.type(), m.flags()));
        switch (m.body()) {
            case Message.IfInfo i -> {
                if (i.index() != 0) args.add("index=" + i.index());
                if (i.change() != 0) args.add(((i.flags() & Rtnl.IFF_UP) != 0 ? "up" : "down"));
                linkAttrs(i.attrs(), args);
            }
            case Message.IfAddr a -> {
                args.add("index=" + a.index());
                Attr.find(a.attrs(), Rtnl.IFA_LOCAL).ifPresent(l -> args.add("local=" + l.asIpv4() + "/" + a.prefixLength()));
            }
            case Message.RtMsg r -> {
                args.add(r.dstLength() == 0 ? "dst=default" : "dst_len=" + r.dstLength());
                Attr.find(r.attrs(), Rtnl.RTA_GATEWAY).ifPresent(g -> args.add("gateway=" + g.asIpv4()));
            }
            default -> { }
        }
        return args;
    }

    /** The whole request on one line. */
    public static String describe(Message m) {
        return Rtnl.typeName(m.type()) + "(" + String.join(", ", arguments(m)) + ")";
    }

    private static void linkAttrs(List<Attr> attrs, List<String> out) {
        for (Attr a : attrs) {
            switch (a.type()) {
                case Rtnl.IFLA_IFNAME -> out.add("ifname=\"" + a.asString() + "\"");
                case Rtnl.IFLA_MASTER -> out.add("master=" + a.asU32());
                case Rtnl.IFLA_NET_NS_FD -> out.add("net_ns_fd=" + a.asU32());
                case Rtnl.IFLA_LINKINFO -> linkInfo(a.children(), out);
                default -> { }
            }
        }
    }

    private static void linkInfo(List<Attr> info, List<String> out) {
        for (Attr a : info) {
            if (a.type() == Rtnl.IFLA_INFO_KIND) out.add("kind=\"" + a.asString() + "\"");
            if (a.type() == Rtnl.IFLA_INFO_DATA) {
                for (Attr d : a.children()) {
                    if (d.type() != Rtnl.VETH_INFO_PEER) continue;
                    List<String> peer = new ArrayList<>();
                    linkAttrs(NetlinkCodec.decodeIfInfo(java.nio.ByteBuffer.wrap(d.payload())).attrs(), peer);
                    out.add("peer={" + String.join(", ", peer) + "}");
                }
            }
        }
    }
}
