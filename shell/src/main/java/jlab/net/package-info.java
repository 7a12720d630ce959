/**
 * A small rtnetlink client: netlink messages and attributes as records, a pure encoder/decoder
 * ({@link jlab.net.NetlinkCodec}), a socket that maps NLMSG_ERROR to errno with the request that caused it,
 * and the operations the network lab needs (veth, bridge, addresses, routes, dumps). Also jlab's own ping:
 * ICMP echo bytes and their checksum, pure ({@link jlab.net.IcmpEcho}), over a raw ICMP socket of a lab
 * namespace ({@link jlab.net.IcmpPing}). Depends only on
 * {@code jlab.kernel}: the socket calls are {@link jlab.kernel.Syscalls} methods, never the FFM API directly.
 */
package jlab.net;
