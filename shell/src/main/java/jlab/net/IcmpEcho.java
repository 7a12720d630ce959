package jlab.net;

import java.util.Optional;

/**
 * ICMP echo request and reply (RFC 792) as bytes, and the Internet checksum (RFC 1071) they carry. A
 * request is type 8, code 0, checksum, identifier, sequence number (all big-endian) and a payload; the
 * answer comes back on a raw socket with the IPv4 header in front, which {@link #reply} reads past.
 */
public final class IcmpEcho {
    private IcmpEcho() {}

    public static final int ECHO_REPLY = 0, ECHO_REQUEST = 8;
    private static final int HEADER = 8, IPPROTO_ICMP = 1;

    /** A valid echo reply: who answered, and the identifier and sequence number it echoes. */
    public record Reply(Ipv4 from, int id, int sequence) {}

    /** An echo request with {@code id} and {@code sequence} (each 0..65535) and {@code payload}, checksummed. */
    public static byte[] request(int id, int sequence, byte[] payload) {
        if (id < 0 || id > 0xffff || sequence < 0 || sequence > 0xffff) {
            throw new IllegalArgumentException("identifier and sequence are 16 bits: " + id + ", " + sequence);
        }
        byte[] message = new byte[HEADER + payload.length];
        message[0] = ECHO_REQUEST;
        putShort(message, 4, id);
        putShort(message, 6, sequence);
        System.arraycopy(payload, 0, message, HEADER, payload.length);
        putShort(message, 2, checksum(message, 0, message.length));
        return message;
    }

    /**
     * The Internet checksum of {@code length} bytes from {@code offset}: the ones' complement of the ones'
     * complement sum of the big-endian 16-bit words, an odd last byte padded with zero. Over a message
     * that carries its own checksum it is 0.
     */
    public static int checksum(byte[] bytes, int offset, int length) {
        long sum = 0;
        int i = offset, end = offset + length;
        for (; i + 1 < end; i += 2) sum += (bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff;
        if (i < end) sum += (bytes[i] & 0xff) << 8;
        while (sum >>> 16 != 0) sum = (sum & 0xffff) + (sum >>> 16);
        return (int) ~sum & 0xffff;
    }

    /**
     * The echo reply in the first {@code length} bytes of {@code datagram} (an IPv4 packet as a raw ICMP
     * socket receives it); empty for anything else: another ICMP type, a truncated packet, a bad checksum,
     * a fragment or another protocol.
     */
    public static Optional<Reply> reply(byte[] datagram, int length) {
        if (length < 20 || length > datagram.length || (datagram[0] & 0xf0) != 0x40) return Optional.empty();
        int headerLength = (datagram[0] & 0x0f) * 4;
        int totalLength = getShort(datagram, 2);
        if (headerLength < 20 || totalLength < headerLength + HEADER || totalLength > length) return Optional.empty();
        if ((datagram[9] & 0xff) != IPPROTO_ICMP) return Optional.empty();
        if ((getShort(datagram, 6) & 0x3fff) != 0) return Optional.empty(); // more fragments, or a fragment's offset
        int icmp = headerLength;
        if (datagram[icmp] != ECHO_REPLY || datagram[icmp + 1] != 0) return Optional.empty();
        if (checksum(datagram, icmp, totalLength - icmp) != 0) return Optional.empty();
        byte[] source = {datagram[12], datagram[13], datagram[14], datagram[15]};
        return Optional.of(new Reply(Ipv4.of(source), getShort(datagram, icmp + 4), getShort(datagram, icmp + 6)));
    }

    private static void putShort(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }

    private static int getShort(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }
}
