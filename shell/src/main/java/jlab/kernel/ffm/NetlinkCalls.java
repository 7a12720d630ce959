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
 * socket, bind, sendto and recv for netlink sockets: linked the first time a netlink call is made. The
 * message bytes are built and parsed in {@code jlab.net}; this class only moves them.
 */
final class NetlinkCalls {
    private NetlinkCalls() {}

    private static final int AF_NETLINK = 16, SOCK_RAW = 3, SOCK_CLOEXEC = 02000000;
    /** struct sockaddr_nl: sa_family_t nl_family, unsigned short nl_pad, __u32 nl_pid, __u32 nl_groups. */
    private static final int SOCKADDR_NL_SIZE = 12;

    private static final MethodHandle SOCKET =
            Libc.errnoCall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND =
            Libc.errnoCall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SENDTO = Libc.errnoCall("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = Libc.errnoCall("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final int SOL_SOCKET = 1, SO_RCVTIMEO = 20, SO_RCVBUFFORCE = 33;
    private static final MethodHandle RECV =
            Libc.errnoCall("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));

    /** socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, protocol), bound with nl_pid 0 (the kernel picks the port). */
    static int socket(int protocol) {
        int fd = (int) Libc.call("socket", List.of("AF_NETLINK", "SOCK_RAW|SOCK_CLOEXEC", protocolName(protocol)),
                (arena, errno) -> (int) SOCKET.invokeExact(errno, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol));
        try {
            Libc.call("bind", List.of(String.valueOf(fd), "{nl_family=AF_NETLINK, nl_pid=0, nl_groups=0}", "12"),
                    (arena, errno) -> (int) BIND.invokeExact(errno, fd, kernelAddress(arena), SOCKADDR_NL_SIZE));
        } catch (RuntimeException e) {
            FileCalls.close(fd);
            throw e;
        }
        return fd;
    }

    /**
     * A netlink socket bound to the multicast {@code groups} (a bit mask), with a receive buffer of
     * {@code bufferBytes} (SO_RCVBUFFORCE: root may exceed rmem_max) and SO_RCVTIMEO of {@code timeoutMillis},
     * so that a receive with nothing queued fails with EAGAIN instead of blocking forever.
     */
    static int multicastSocket(int protocol, int groups, int bufferBytes, int timeoutMillis) {
        int fd = (int) Libc.call("socket", List.of("AF_NETLINK", "SOCK_RAW|SOCK_CLOEXEC", protocolName(protocol)),
                (arena, errno) -> (int) SOCKET.invokeExact(errno, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol));
        try {
            Libc.call("setsockopt", List.of(String.valueOf(fd), "SOL_SOCKET", "SO_RCVBUFFORCE", "[" + bufferBytes + "]", "4"),
                    (arena, errno) -> {
                        MemorySegment value = arena.allocateFrom(JAVA_INT, bufferBytes);
                        return (int) SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_RCVBUFFORCE, value, 4);
                    });
            Libc.call("setsockopt", List.of(String.valueOf(fd), "SOL_SOCKET", "SO_RCVTIMEO", "{" + timeoutMillis + " ms}", "16"),
                    (arena, errno) -> {
                        MemorySegment timeval = arena.allocate(16, 8); // struct timeval { long tv_sec; long tv_usec; }
                        timeval.set(JAVA_LONG, 0, timeoutMillis / 1000L);
                        timeval.set(JAVA_LONG, 8, (timeoutMillis % 1000L) * 1000L);
                        return (int) SETSOCKOPT.invokeExact(errno, fd, SOL_SOCKET, SO_RCVTIMEO, timeval, 16);
                    });
            Libc.call("bind", List.of(String.valueOf(fd), "{nl_family=AF_NETLINK, nl_pid=0, nl_groups=" + groups + "}", "12"),
                    (arena, errno) -> {
                        MemorySegment address = kernelAddress(arena);
                        address.set(JAVA_INT, 8, groups);
                        return (int) BIND.invokeExact(errno, fd, address, SOCKADDR_NL_SIZE);
                    });
        } catch (RuntimeException e) {
            FileCalls.close(fd);
            throw e;
        }
        return fd;
    }

    /** sendto(fd, message, len, 0, {nl_pid=0}): to the kernel; a netlink send is all or nothing. */
    static void send(int fd, byte[] message) {
        Libc.callRetryingEintr("sendto", List.of(String.valueOf(fd), "[" + message.length + " bytes]",
                String.valueOf(message.length), "0", "{nl_family=AF_NETLINK, nl_pid=0}", "12"), (arena, errno) -> {
                    MemorySegment bytes = arena.allocate(message.length);
                    MemorySegment.copy(message, 0, bytes, JAVA_BYTE, 0, message.length);
                    return (long) SENDTO.invokeExact(errno, fd, bytes, (long) message.length, 0,
                            kernelAddress(arena), SOCKADDR_NL_SIZE);
                });
    }

    /** recv(fd, buffer, len, 0): one datagram, which may hold several netlink messages. */
    static int receive(int fd, byte[] buffer) {
        return (int) Libc.callRetryingEintr("recv", List.of(String.valueOf(fd), "...", String.valueOf(buffer.length), "0"),
                (arena, errno) -> {
                    MemorySegment chunk = arena.allocate(buffer.length);
                    long n = (long) RECV.invokeExact(errno, fd, chunk, (long) buffer.length, 0);
                    if (n > 0) MemorySegment.copy(chunk, JAVA_BYTE, 0, buffer, 0, (int) n);
                    return n;
                });
    }

    private static MemorySegment kernelAddress(java.lang.foreign.Arena arena) {
        MemorySegment address = arena.allocate(SOCKADDR_NL_SIZE, 4);
        address.set(JAVA_SHORT, 0, (short) AF_NETLINK);
        return address; // nl_pid 0 is the kernel; groups 0: no multicast
    }

    private static String protocolName(int protocol) {
        return switch (protocol) {
            case 0 -> "NETLINK_ROUTE";
            case 11 -> "NETLINK_CONNECTOR";
            default -> String.valueOf(protocol);
        };
    }
}
