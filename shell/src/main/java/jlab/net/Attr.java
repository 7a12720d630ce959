package jlab.net;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One routing attribute (struct rtattr / nlattr): a 16-bit type and a payload. A nested attribute
 * (IFLA_LINKINFO, IFLA_INFO_DATA, VETH_INFO_PEER) is one whose payload is itself a list of attributes,
 * built with {@link #nested}; a decoded attribute does not know whether it is nested, so callers who do
 * know call {@link #children()}. Integers are in host order (little-endian here), addresses in network order.
 */
public record Attr(int type, byte[] payload) {

    public Attr {
        payload = payload.clone();
    }

    public static Attr bytes(int type, byte[] payload) { return new Attr(type, payload); }

    /** A NUL-terminated string, as IFLA_IFNAME and IFLA_INFO_KIND are sent. */
    public static Attr string(int type, String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return new Attr(type, Arrays.copyOf(text, text.length + 1));
    }

    /** A string without the NUL, as iproute2 sends IFLA_INFO_KIND (the kernel compares it with nla_strcmp). */
    public static Attr text(int type, String value) {
        return new Attr(type, value.getBytes(StandardCharsets.UTF_8));
    }

    public static Attr u32(int type, int value) {
        return new Attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    public static Attr ipv4(int type, Ipv4 address) { return new Attr(type, address.bytes()); }

    /** An attribute whose payload is {@code children}, each aligned to 4 bytes. */
    public static Attr nested(int type, List<Attr> children) {
        return new Attr(type, NetlinkCodec.encodeAttrs(children));
    }

    public static Attr nested(int type, Attr... children) { return nested(type, List.of(children)); }

    @Override public byte[] payload() { return payload.clone(); }

    public int length() { return payload.length; }

    /** The payload up to its first NUL, as text. */
    public String asString() {
        int end = 0;
        while (end < payload.length && payload[end] != 0) end++;
        return new String(payload, 0, end, StandardCharsets.UTF_8);
    }

    public int asU32() {
        if (payload.length < 4) throw new IllegalArgumentException("attribute " + type + " has " + payload.length + " bytes, not 4");
        return ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder()).getInt();
    }

    public int asU8() { return payload.length == 0 ? 0 : payload[0] & 0xff; }

    public Ipv4 asIpv4() { return Ipv4.of(payload); }

    /** The payload read as a list of attributes. */
    public List<Attr> children() { return NetlinkCodec.decodeAttrs(ByteBuffer.wrap(payload).order(ByteOrder.nativeOrder())); }

    /** {@code 02:00:00:00:00:0a} for a hardware address. */
    public String asMac() {
        return HexFormat.ofDelimiter(":").formatHex(payload);
    }

    /** The first attribute of {@code type} in {@code attrs}. */
    public static Optional<Attr> find(List<Attr> attrs, int type) {
        return attrs.stream().filter(a -> a.type == type).findFirst();
    }

    /** Byte-wise equality, so tests and callers can compare decoded attributes. */
    @Override public boolean equals(Object o) {
        return o instanceof Attr other && other.type == type && Arrays.equals(other.payload, payload);
    }

    @Override public int hashCode() { return 31 * type + Arrays.hashCode(payload); }

    @Override public String toString() { return "Attr[type=" + type + ", payload=" + HexFormat.of().formatHex(payload) + "]"; }
}
