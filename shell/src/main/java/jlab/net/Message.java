package jlab.net;

import java.util.List;

/**
 * One netlink message: the {@code struct nlmsghdr} fields (its length is computed when encoding) and a
 * body. The bodies are the fixed headers of rtnetlink (ifinfomsg, ifaddrmsg, rtmsg) with their attributes,
 * an NLMSG_ERROR (errno 0 is an ACK) or NLMSG_DONE, the end of a dump.
 */
public record Message(int type, int flags, int seq, int pid, Body body) {

    public sealed interface Body permits IfInfo, IfAddr, RtMsg, Error, Done, Opaque {}

    /** struct ifinfomsg: family, device type, index, flags, change mask; then IFLA_* attributes. */
    public record IfInfo(int family, int deviceType, int index, int flags, int change, List<Attr> attrs) implements Body {
        public IfInfo { attrs = List.copyOf(attrs); }

        public static IfInfo of(int index, List<Attr> attrs) { return new IfInfo(Rtnl.AF_UNSPEC, 0, index, 0, 0, attrs); }
    }

    /** struct ifaddrmsg: family, prefix length, flags, scope, interface index; then IFA_* attributes. */
    public record IfAddr(int family, int prefixLength, int flags, int scope, int index, List<Attr> attrs) implements Body {
        public IfAddr { attrs = List.copyOf(attrs); }
    }

    /** struct rtmsg; then RTA_* attributes. */
    public record RtMsg(int family, int dstLength, int srcLength, int tos, int table, int protocol, int scope,
                        int routeType, int flags, List<Attr> attrs) implements Body {
        public RtMsg { attrs = List.copyOf(attrs); }
    }

    /**
     * NLMSG_ERROR: {@code error} is 0 for an ACK or a negative errno; the kernel echoes the header of the
     * request it answers ({@code requestType}, {@code requestSeq}).
     */
    public record Error(int error, int requestType, int requestFlags, int requestSeq) implements Body {
        public boolean isAck() { return error == 0; }
    }

    /** NLMSG_DONE: the end of a multipart (dump) answer. */
    public record Done() implements Body {}

    /** A message type jlab does not decode, kept as bytes. */
    public record Opaque(byte[] bytes) implements Body {
        public Opaque { bytes = bytes.clone(); }
    }

    /** A request with NLM_F_REQUEST set, to be numbered with {@link #withSeq}. */
    public static Message request(int type, int flags, Body body) {
        return new Message(type, flags | Rtnl.NLM_F_REQUEST, 0, 0, body);
    }

    public Message withSeq(int newSeq) { return new Message(type, flags, newSeq, pid, body); }

    public List<Attr> attrs() {
        return switch (body) {
            case IfInfo i -> i.attrs();
            case IfAddr a -> a.attrs();
            case RtMsg r -> r.attrs();
            case Error e -> List.of();
            case Done d -> List.of();
            case Opaque o -> List.of();
        };
    }
}
