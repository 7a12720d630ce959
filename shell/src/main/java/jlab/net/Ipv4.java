package jlab.net;

/** An IPv4 address as its four bytes in network order. */
public record Ipv4(int bits) {

    public static Ipv4 parse(String dotted) {
        String[] parts = dotted.strip().split("\\.", -1);
        if (parts.length != 4) throw new IllegalArgumentException("'" + dotted + "' is not an IPv4 address");
        int bits = 0;
        for (String part : parts) {
            int octet;
            try {
                octet = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + dotted + "' is not an IPv4 address");
            }
            if (octet < 0 || octet > 255 || part.isEmpty() || part.length() > 3) {
                throw new IllegalArgumentException("'" + dotted + "' is not an IPv4 address");
            }
            bits = bits << 8 | octet;
        }
        return new Ipv4(bits);
    }

    public static Ipv4 of(byte[] fourBytes) {
        if (fourBytes.length != 4) throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + fourBytes.length);
        return new Ipv4((fourBytes[0] & 0xff) << 24 | (fourBytes[1] & 0xff) << 16 | (fourBytes[2] & 0xff) << 8 | fourBytes[3] & 0xff);
    }

    public byte[] bytes() {
        return new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
    }

    /** The address {@code host} within the /24 network of this address: {@code 10.1.2.0}.plus(5) is 10.1.2.5. */
    public Ipv4 withHost(int host) {
        if (host < 0 || host > 255) throw new IllegalArgumentException("host part " + host + " is not 0..255");
        return new Ipv4(bits & 0xffffff00 | host);
    }

    @Override public String toString() {
        return (bits >>> 24) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
    }
}
