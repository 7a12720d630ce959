package jlab.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import jlab.net.Message.Body;

/**
 * Netlink messages to bytes and back, without touching a socket: struct nlmsghdr (16 bytes), the fixed
 * rtnetlink header of the body, then attributes, each {@code struct rtattr {u16 len; u16 type}} followed by
 * its payload and padded to 4 bytes. Everything is in host byte order (the kernel's own), except the
 * addresses inside attributes.
 */
public final class NetlinkCodec {
    private NetlinkCodec() {}

    static final int HEADER = 16, IFINFO = 16, IFADDR = 8, RTMSG = 12, ERROR = 4 + HEADER;
    /** nla_type carries two flag bits (NLA_F_NESTED, NLA_F_NET_BYTEORDER) the kernel may set in replies. */
    private static final int NLA_TYPE_MASK = 0x3fff;

    static int align(int length) { return (length + 3) & ~3; }

    public static byte[] encode(Message message) {
        byte[] body = encodeBody(message.body());
        ByteBuffer out = buffer(HEADER + body.length);
        out.putInt(HEADER + body.length).putShort((short) message.type()).putShort((short) message.flags())
                .putInt(message.seq()).putInt(message.pid()).put(body);
        return out.array();
    }

    /** Several requests in one datagram, as {@code ip -batch} sends them. */
    public static byte[] encodeAll(List<Message> messages) {
        var out = new java.io.ByteArrayOutputStream();
        for (Message m : messages) out.writeBytes(encode(m));
        return out.toByteArray();
    }

    private static byte[] encodeBody(Body body) {
        return switch (body) {
            case Message.IfInfo i -> encodeIfInfo(i);
            case Message.IfAddr a -> {
                byte[] attrs = encodeAttrs(a.attrs());
                yield buffer(IFADDR + attrs.length).put((byte) a.family()).put((byte) a.prefixLength())
                        .put((byte) a.flags()).put((byte) a.scope()).putInt(a.index()).put(attrs).array();
            }
            case Message.RtMsg r -> {
                byte[] attrs = encodeAttrs(r.attrs());
                yield buffer(RTMSG + attrs.length).put((byte) r.family()).put((byte) r.dstLength())
                        .put((byte) r.srcLength()).put((byte) r.tos()).put((byte) r.table()).put((byte) r.protocol())
                        .put((byte) r.scope()).put((byte) r.routeType()).putInt(r.flags()).put(attrs).array();
            }
            case Message.Error e -> buffer(ERROR).putInt(e.error()).putInt(HEADER).putShort((short) e.requestType())
                    .putShort((short) e.requestFlags()).putInt(e.requestSeq()).putInt(0).array();
            case Message.Done d -> buffer(4).putInt(0).array();
            case Message.Opaque o -> o.bytes();
        };
    }

    /** struct ifinfomsg and its attributes: a message body, and also the payload of VETH_INFO_PEER. */
    public static byte[] encodeIfInfo(Message.IfInfo i) {
        byte[] attrs = encodeAttrs(i.attrs());
        return buffer(IFINFO + attrs.length).put((byte) i.family()).put((byte) 0).putShort((short) i.deviceType())
                .putInt(i.index()).putInt(i.flags()).putInt(i.change()).put(attrs).array();
    }

    public static byte[] encodeAttrs(List<Attr> attrs) {
        int size = 0;
        for (Attr a : attrs) size += align(4 + a.length());
        ByteBuffer out = buffer(size);
        for (Attr a : attrs) {
            out.putShort((short) (4 + a.length())).putShort((short) a.type()).put(a.payload());
            out.position(align(out.position()));
        }
        return out.array();
    }

    /** Every message in one received datagram. */
    public static List<Message> decode(byte[] bytes, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.nativeOrder());
        List<Message> messages = new ArrayList<>();
        while (in.remaining() >= HEADER) {
            int start = in.position();
            int len = in.getInt();
            if (len < HEADER || len > length - start) {
                throw new IllegalArgumentException("netlink message at byte " + start + " claims " + len
                        + " bytes; " + (length - start) + " remain");
            }
            int type = in.getShort() & 0xffff, flags = in.getShort() & 0xffff, seq = in.getInt(), pid = in.getInt();
            ByteBuffer body = in.slice(start + HEADER, len - HEADER).order(ByteOrder.nativeOrder());
            messages.add(new Message(type, flags, seq, pid, decodeBody(type, body)));
            in.position(Math.min(length, start + align(len)));
        }
        return messages;
    }

    public static List<Message> decode(byte[] bytes) { return decode(bytes, bytes.length); }

    private static Body decodeBody(int type, ByteBuffer in) {
        return switch (type) {
            case Rtnl.NLMSG_DONE -> new Message.Done();
            case Rtnl.NLMSG_ERROR -> {
                int error = in.getInt();
                int requestType = 0, requestFlags = 0, requestSeq = 0;
                if (in.remaining() >= HEADER) {
                    in.getInt();
                    requestType = in.getShort() & 0xffff;
                    requestFlags = in.getShort() & 0xffff;
                    requestSeq = in.getInt();
                }
                yield new Message.Error(error, requestType, requestFlags, requestSeq);
            }
            case Rtnl.RTM_NEWLINK, Rtnl.RTM_DELLINK, Rtnl.RTM_GETLINK, Rtnl.RTM_SETLINK -> decodeIfInfo(in);
            case Rtnl.RTM_NEWADDR, Rtnl.RTM_DELADDR, Rtnl.RTM_GETADDR -> new Message.IfAddr(in.get() & 0xff,
                    in.get() & 0xff, in.get() & 0xff, in.get() & 0xff, in.getInt(), decodeAttrs(in));
            case Rtnl.RTM_NEWROUTE, Rtnl.RTM_DELROUTE, Rtnl.RTM_GETROUTE -> new Message.RtMsg(in.get() & 0xff,
                    in.get() & 0xff, in.get() & 0xff, in.get() & 0xff, in.get() & 0xff, in.get() & 0xff,
                    in.get() & 0xff, in.get() & 0xff, in.getInt(), decodeAttrs(in));
            default -> {
                byte[] rest = new byte[in.remaining()];
                in.get(rest);
                yield new Message.Opaque(rest);
            }
        };
    }

    /** struct ifinfomsg and its attributes, from a message body or a VETH_INFO_PEER payload. */
    public static Message.IfInfo decodeIfInfo(ByteBuffer in) {
        int family = in.get() & 0xff;
        in.get();
        int deviceType = in.getShort() & 0xffff;
        return new Message.IfInfo(family, deviceType, in.getInt(), in.getInt(), in.getInt(), decodeAttrs(in));
    }

    /** The attributes from the buffer's position to its limit. */
    public static List<Attr> decodeAttrs(ByteBuffer in) {
        in.order(ByteOrder.nativeOrder());
        List<Attr> attrs = new ArrayList<>();
        while (in.remaining() >= 4) {
            int start = in.position();
            int len = in.getShort() & 0xffff;
            int type = in.getShort() & NLA_TYPE_MASK;
            if (len < 4 || start + len > in.limit()) {
                throw new IllegalArgumentException("attribute of type " + type + " at byte " + start + " claims "
                        + len + " bytes; " + (in.limit() - start) + " remain");
            }
            byte[] payload = new byte[len - 4];
            in.get(payload);
            attrs.add(new Attr(type, payload));
            in.position(Math.min(in.limit(), start + align(len)));
        }
        return attrs;
    }

    private static ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }
}
