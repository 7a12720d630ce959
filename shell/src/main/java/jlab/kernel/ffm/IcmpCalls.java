package jlab.kernel.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * socket and sendto for a raw ICMP socket (recv is {@link NetlinkCalls#receive}: the same recv(2)): linked
 * the first time one is made. The ICMP bytes are built and parsed in {@code jlab.net}; this class only moves them.
 */
final class IcmpCalls {
    private IcmpCalls() {}

    private static final int AF_INET = 2, SOCK_RAW = 3, SOCK_CLOEXEC = 02000000, IPPROTO_ICMP = 1;
    /** struct sockaddr_in: sa_family_t sin_family, in_port_t sin_port, struct in_addr sin_addr, 8 bytes of zero. */
    private static final int SOCKADDR_IN_SIZE = 16;

    private static final MethodHandle SOCKET =
            Libc.errnoCall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SENDTO = Libc.errnoCall("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));

    static int socket() {
        return (int) Libc.call("socket", List.of("AF_INET", "SOCK_RAW|SOCK_CLOEXEC", "IPPROTO_ICMP"),
                (arena, errno) -> (int) SOCKET.invokeExact(errno, AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP));
    }

    /** sendto(fd, message, len, 0, {AF_INET, 0, ipv4}): one datagram, all or nothing. */
    static void send(int fd, byte[] message, byte[] ipv4) {
        if (ipv4.length != 4) throw new IllegalArgumentException("an IPv4 address has 4 bytes, not " + ipv4.length);
        String to = (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
        Libc.callRetryingEintr("sendto", List.of(String.valueOf(fd), "[" + message.length + " bytes]",
                String.valueOf(message.length), "0", "{sin_family=AF_INET, sin_addr=" + to + "}", "16"), (arena, errno) -> {
                    MemorySegment bytes = arena.allocate(message.length);
                    MemorySegment.copy(message, 0, bytes, JAVA_BYTE, 0, message.length);
                    MemorySegment address = arena.allocate(SOCKADDR_IN_SIZE, 4);
                    address.set(JAVA_SHORT, 0, (short) AF_INET); // host order; sin_port 0 stays zero
                    MemorySegment.copy(ipv4, 0, address, JAVA_BYTE, 4, 4); // sin_addr: network order, as given
                    return (long) SENDTO.invokeExact(errno, fd, bytes, (long) message.length, 0, address, SOCKADDR_IN_SIZE);
                });
    }

}
