package jlab.net;

/** Numbers from linux/netlink.h, linux/rtnetlink.h, linux/if_link.h, linux/if_addr.h and linux/veth.h. */
public final class Rtnl {
    private Rtnl() {}

    public static final int NETLINK_ROUTE = 0;

    // nlmsghdr.nlmsg_type
    public static final int NLMSG_ERROR = 2, NLMSG_DONE = 3;
    public static final int RTM_NEWLINK = 16, RTM_DELLINK = 17, RTM_GETLINK = 18, RTM_SETLINK = 19,
            RTM_NEWADDR = 20, RTM_DELADDR = 21, RTM_GETADDR = 22,
            RTM_NEWROUTE = 24, RTM_DELROUTE = 25, RTM_GETROUTE = 26;

    // nlmsghdr.nlmsg_flags
    public static final int NLM_F_REQUEST = 0x1, NLM_F_MULTI = 0x2, NLM_F_ACK = 0x4,
            NLM_F_ROOT = 0x100, NLM_F_MATCH = 0x200, NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH,
            NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400;

    // address families
    public static final int AF_UNSPEC = 0, AF_INET = 2;

    // ifinfomsg.ifi_flags
    public static final int IFF_UP = 0x1, IFF_BROADCAST = 0x2, IFF_LOOPBACK = 0x8, IFF_RUNNING = 0x40,
            IFF_MULTICAST = 0x1000, IFF_LOWER_UP = 0x10000;

    // IFLA_* (struct ifinfomsg attributes)
    public static final int IFLA_ADDRESS = 1, IFLA_BROADCAST = 2, IFLA_IFNAME = 3, IFLA_MTU = 4, IFLA_LINK = 5,
            IFLA_MASTER = 10, IFLA_OPERSTATE = 16, IFLA_LINKINFO = 18, IFLA_NET_NS_PID = 19, IFLA_NET_NS_FD = 28,
            IFLA_LINK_NETNSID = 37;
    public static final int IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2;
    public static final int VETH_INFO_PEER = 1;

    // IFA_* (struct ifaddrmsg attributes)
    public static final int IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_LABEL = 3;

    // RTA_* (struct rtmsg attributes) and rtmsg fields
    public static final int RTA_DST = 1, RTA_OIF = 4, RTA_GATEWAY = 5, RTA_PREFSRC = 7, RTA_TABLE = 15;
    public static final int RT_TABLE_MAIN = 254;
    public static final int RTPROT_KERNEL = 2, RTPROT_BOOT = 3, RTPROT_STATIC = 4;
    public static final int RT_SCOPE_UNIVERSE = 0, RT_SCOPE_LINK = 253, RT_SCOPE_HOST = 254;
    public static final int RTN_UNICAST = 1, RTN_LOCAL = 2;

    /** The name of a message type, as strace prints it. */
    public static String typeName(int type) {
        return switch (type) {
            case NLMSG_ERROR -> "NLMSG_ERROR";
            case NLMSG_DONE -> "NLMSG_DONE";
            case RTM_NEWLINK -> "RTM_NEWLINK";
            case RTM_DELLINK -> "RTM_DELLINK";
            case RTM_GETLINK -> "RTM_GETLINK";
            case RTM_SETLINK -> "RTM_SETLINK";
            case RTM_NEWADDR -> "RTM_NEWADDR";
            case RTM_DELADDR -> "RTM_DELADDR";
            case RTM_GETADDR -> "RTM_GETADDR";
            case RTM_NEWROUTE -> "RTM_NEWROUTE";
            case RTM_DELROUTE -> "RTM_DELROUTE";
            case RTM_GETROUTE -> "RTM_GETROUTE";
            default -> "type " + type;
        };
    }

    /** The message flags as strace prints them: {@code NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE}. */
    public static String flagNames(int type, int flags) {
        var names = new java.util.ArrayList<String>();
        if ((flags & NLM_F_REQUEST) != 0) names.add("NLM_F_REQUEST");
        if ((flags & NLM_F_MULTI) != 0) names.add("NLM_F_MULTI");
        if ((flags & NLM_F_ACK) != 0) names.add("NLM_F_ACK");
        boolean get = type == RTM_GETLINK || type == RTM_GETADDR || type == RTM_GETROUTE;
        if (get && (flags & NLM_F_DUMP) == NLM_F_DUMP) {
            names.add("NLM_F_DUMP");
        } else if (!get) {
            if ((flags & NLM_F_REPLACE) != 0) names.add("NLM_F_REPLACE");
            if ((flags & NLM_F_EXCL) != 0) names.add("NLM_F_EXCL");
            if ((flags & NLM_F_CREATE) != 0) names.add("NLM_F_CREATE");
        }
        return names.isEmpty() ? "0" : String.join("|", names);
    }
}
