package jlab.net;

/**
 * The IPv4 /24 a lab session uses: {@code 10.X.Y.0/24}, X from the owning process's pid and Y from the
 * random part of the session id ({@code s<pid>-<hex>}), so sessions of different processes whose pids differ
 * in their low byte never share a subnet, and two sessions of one process rarely do. Each session's links
 * live in namespaces of its own, so even equal subnets could not meet; distinct ones keep what the learner
 * sees unambiguous.
 */
public record LabSubnet(Ipv4 network) {
    public static final int PREFIX = 24;

    /** From a ledger session id {@code s<pid>-<hex>}; any other text is hashed. */
    public static LabSubnet forSession(String sessionId) {
        var m = java.util.regex.Pattern.compile("^s(\\d+)-([0-9a-f]{2})").matcher(sessionId);
        int x, y;
        if (m.find()) {
            x = Integer.parseInt(m.group(1)) & 0xff;
            y = Integer.parseInt(m.group(2), 16);
        } else {
            x = sessionId.hashCode() >>> 8 & 0xff;
            y = sessionId.hashCode() & 0xff;
        }
        // 10.0.0.0/24 and 10.255.255.0/24 are left out: people and tools often use them already.
        if (x == 0 && y == 0) y = 1;
        if (x == 255 && y == 255) y = 254;
        return new LabSubnet(new Ipv4(10 << 24 | x << 16 | y << 8));
    }

    /** The address {@code host} in the subnet: {@code .1} is the bridge, {@code .2} red, {@code .3} blue. */
    public Ipv4 host(int host) {
        if (host < 1 || host > 254) throw new IllegalArgumentException("host " + host + " is not in 1..254");
        return network.withHost(host);
    }

    @Override public String toString() { return network + "/" + PREFIX; }
}
