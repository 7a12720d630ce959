package jlab.net;

import java.util.List;
import java.util.Optional;

import jlab.kernel.Errno;
import jlab.kernel.SyscallException;

/**
 * The operations the network lab performs in one network namespace, each one rtnetlink request as
 * {@code ip} would send it: veth pairs, bridges, enslaving, moving a link to another namespace, up/down,
 * IPv4 addresses, a default route; and dumps of links, addresses and routes. Links are named; their
 * index is looked up with RTM_GETLINK.
 */
public final class Rtnetlink implements AutoCloseable {
    private final NetlinkSocket socket;

    public Rtnetlink(NetlinkSocket socket) {
        this.socket = socket;
    }

    public NetlinkSocket socket() { return socket; }

    /** {@code ip link add NAME type veth peer name PEER} (the peer in {@code peerNetnsFd}'s namespace when >= 0). */
    public void createVeth(String name, String peer, int peerNetnsFd) {
        socket.ack(Requests.newVeth(name, peer, peerNetnsFd));
    }

    public void createVeth(String name, String peer) { createVeth(name, peer, -1); }

    /** {@code ip link add NAME type bridge}. */
    public void createBridge(String name) { socket.ack(Requests.newBridge(name)); }

    /** {@code ip link set LINK master BRIDGE}. */
    public void setMaster(String link, String bridge) {
        int master = index(bridge);
        socket.ack(Requests.setMaster(index(link), master));
    }

    /** {@code ip link set LINK netns NS}: moves the link into the namespace {@code netnsFd} refers to. */
    public void moveToNamespace(String link, int netnsFd) {
        socket.ack(Requests.moveToNamespace(index(link), netnsFd));
    }

    /** {@code ip link set LINK up} (or down): sets or clears IFF_UP, leaving the other flags alone. */
    public void setUp(String link, boolean up) { socket.ack(Requests.setUp(index(link), up)); }

    /** {@code ip link del LINK}; deleting one veth end deletes both. */
    public void deleteLink(String link) { socket.ack(Requests.deleteLink(index(link))); }

    /** {@code ip addr add ADDRESS/PREFIX dev LINK}. */
    public void addAddress(String link, Ipv4 address, int prefixLength) {
        socket.ack(Requests.address(true, index(link), address, prefixLength));
    }

    /** {@code ip addr del ADDRESS/PREFIX dev LINK}. */
    public void deleteAddress(String link, Ipv4 address, int prefixLength) {
        socket.ack(Requests.address(false, index(link), address, prefixLength));
    }

    /** {@code ip route replace default via GATEWAY}. */
    public void replaceDefaultRoute(Ipv4 gateway) { socket.ack(Requests.defaultRoute(gateway)); }

    /** {@code ip link show}: every link of the namespace. */
    public List<Link> links() {
        return socket.query(Requests.dumpLinks()).stream().filter(m -> m.type() == Rtnl.RTM_NEWLINK).map(Link::from).toList();
    }

    /** {@code ip -4 addr show}. */
    public List<Address> addresses() {
        return socket.query(Requests.dumpAddresses()).stream().filter(m -> m.type() == Rtnl.RTM_NEWADDR)
                .map(Address::from).toList();
    }

    /** {@code ip -4 route show}: the main table. */
    public List<Route> routes() {
        return socket.query(Requests.dumpRoutes()).stream().filter(m -> m.type() == Rtnl.RTM_NEWROUTE)
                .map(Route::from).flatMap(Optional::stream).toList();
    }

    /** The link called {@code name}, or empty (ENODEV). */
    public Optional<Link> link(String name) {
        try {
            return socket.query(Requests.getLink(name)).stream()
                    .filter(m -> m.type() == Rtnl.RTM_NEWLINK).map(Link::from).findFirst();
        } catch (SyscallException e) {
            if (e.errno().number() == ENODEV) return Optional.empty();
            throw e;
        }
    }

    private static final int ENODEV = 19;

    /** The ifindex of {@code name}; ENODEV as a SyscallException when there is none. */
    public int index(String name) {
        return link(name).map(Link::index).orElseThrow(() -> new SyscallException("RTM_GETLINK",
                List.of("ifname=\"" + name + "\""), Errno.of(ENODEV), "no link '" + name + "' in this network namespace"));
    }

    /** The loopback device's ifindex: the kernel gives lo index 1 in every network namespace (LOOPBACK_IFINDEX). */
    public static final int LOOPBACK_INDEX = 1;

    /** {@link #setUp(String, boolean)} of the link with ifindex {@code index}, without looking its name up. */
    public void setUp(int index, boolean up) { socket.ack(Requests.setUp(index, up)); }

    /** {@link #setMaster(String, String)} by ifindex, without looking the names up. */
    public void setMaster(int link, int master) { socket.ack(Requests.setMaster(link, master)); }

    /** {@link #addAddress(String, Ipv4, int)} on the link with ifindex {@code index}, without looking its name up. */
    public void addAddress(int index, Ipv4 address, int prefixLength) {
        socket.ack(Requests.address(true, index, address, prefixLength));
    }

    @Override public void close() { socket.close(); }
}
