package jlab.events;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes of the process-events connector, laid out as in include/uapi/linux/netlink.h, connector.h and
 * cn_proc.h, in the machine's byte order: a {@code struct nlmsghdr} (16 bytes), a {@code struct cn_msg}
 * ({@code id.idx}, {@code id.val}, seq, ack, len, flags: 20 bytes), then the payload, here an {@code enum
 * proc_cn_mcast_op} going to the kernel and a {@code struct proc_event} coming back.
 */
public final class ProcConnectorCodec {
    private ProcConnectorCodec() {}

    public static final int NETLINK_CONNECTOR = 11;
    /** CN_IDX_PROC: also the multicast group (bit mask 1) the events are sent to. */
    public static final int CN_IDX_PROC = 1;
    public static final int CN_VAL_PROC = 1;
    public static final int PROC_CN_MCAST_LISTEN = 1;
    public static final int PROC_CN_MCAST_IGNORE = 2;

    static final int NLMSG_DONE = 3;
    static final int NLMSG_HDRLEN = 16;
    static final int CN_MSG_LEN = 20;
    static final int PROC_EVENT_NONE = 0, PROC_EVENT_FORK = 1, PROC_EVENT_EXEC = 2, PROC_EVENT_EXIT = 0x80000000;
    /** what, cpu, timestamp_ns: the union starts here. */
    private static final int EVENT_DATA = 16;

    private static ByteBuffer buffer(byte[] bytes, int length) {
        return ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.nativeOrder());
    }

    /**
     * One message asking the kernel to start ({@link #PROC_CN_MCAST_LISTEN}) or stop sending events to this
     * socket. {@code id} goes into seq and ack; the kernel's answer carries ack {@code id + 1}.
     */
    public static byte[] mcastRequest(int op, int id) {
        int length = NLMSG_HDRLEN + CN_MSG_LEN + 4;
        byte[] bytes = new byte[length];
        buffer(bytes, length)
                .putInt(length).putShort((short) NLMSG_DONE).putShort((short) 0).putInt(id).putInt(0)
                .putInt(CN_IDX_PROC).putInt(CN_VAL_PROC).putInt(id).putInt(id).putShort((short) 4).putShort((short) 0)
                .putInt(op);
        return bytes;
    }

    /**
     * The process events in one datagram of {@code length} bytes; messages of another connector or too short
     * for their kind are skipped (a newer kernel may append fields, which are ignored).
     */
    public static List<ProcEvent> decode(byte[] bytes, int length) {
        List<ProcEvent> events = new ArrayList<>();
        ByteBuffer b = buffer(bytes, length);
        int at = 0;
        while (at + NLMSG_HDRLEN <= length) {
            int messageLength = b.getInt(at);
            if (messageLength < NLMSG_HDRLEN || at + messageLength > length) break;
            int cn = at + NLMSG_HDRLEN;
            if (messageLength >= NLMSG_HDRLEN + CN_MSG_LEN && b.getInt(cn) == CN_IDX_PROC && b.getInt(cn + 4) == CN_VAL_PROC) {
                int dataLength = Short.toUnsignedInt(b.getShort(cn + 16));
                int data = cn + CN_MSG_LEN;
                if (data + dataLength <= at + messageLength) {
                    ProcEvent event = event(b, data, dataLength, b.getInt(cn + 12));
                    if (event != null) events.add(event);
                }
            }
            at += (messageLength + 3) & ~3;
        }
        return events;
    }

    private static ProcEvent event(ByteBuffer b, int at, int length, int ack) {
        if (length < EVENT_DATA + 4) return null;
        int what = b.getInt(at);
        long timestamp = b.getLong(at + 8);
        int u = at + EVENT_DATA;
        return switch (what) {
            case PROC_EVENT_NONE -> new ProcEvent.Ack(timestamp, b.getInt(u), ack);
            case PROC_EVENT_FORK -> length < EVENT_DATA + 16 ? null
                    : new ProcEvent.Fork(timestamp, b.getInt(u), b.getInt(u + 4), b.getInt(u + 8), b.getInt(u + 12));
            case PROC_EVENT_EXEC -> length < EVENT_DATA + 8 ? null : new ProcEvent.Exec(timestamp, b.getInt(u), b.getInt(u + 4));
            case PROC_EVENT_EXIT -> length < EVENT_DATA + 16 ? null : new ProcEvent.Exit(timestamp, b.getInt(u), b.getInt(u + 4),
                    b.getInt(u + 8), b.getInt(u + 12),
                    length >= EVENT_DATA + 24 ? b.getInt(u + 16) : 0, length >= EVENT_DATA + 24 ? b.getInt(u + 20) : 0);
            default -> new ProcEvent.Other(timestamp, what);
        };
    }
}
