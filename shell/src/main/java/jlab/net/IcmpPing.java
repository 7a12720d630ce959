package jlab.net;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jlab.kernel.Syscalls;

/**
 * jlab's own ping: a raw ICMP socket of one network namespace (the one its opening thread was in, never
 * the machine's) that sends one {@link IcmpEcho echo request} at a time and waits for the matching reply.
 * Other ICMP traffic of the namespace reaches the socket too and is passed over. Thread-safe: one echo at
 * a time.
 */
public final class IcmpPing implements AutoCloseable {
    private static final byte[] PAYLOAD = "jlab ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Syscalls kernel;
    private final int fd;
    private final int id = ThreadLocalRandom.current().nextInt(0x10000);
    private final byte[] buffer = new byte[2048];
    private int sequence;
    private boolean closed;

    private IcmpPing(Syscalls kernel, int fd) {
        this.kernel = kernel;
        this.fd = fd;
    }

    /** Opens a raw ICMP socket in the calling thread's network namespace, which must not be the host's. */
    public static IcmpPing open(Syscalls kernel) {
        HostNetns.refuse(Path.of("/proc/thread-self/ns/net"), "open an ICMP socket");
        return new IcmpPing(kernel, kernel.icmpSocket());
    }

    /** Sends one echo request to {@code target}; true when its reply came from there within {@code timeout}. */
    public synchronized boolean echo(Ipv4 target, Duration timeout) {
        if (closed) throw new IllegalStateException("ICMP socket " + fd + " is closed");
        sequence = (sequence + 1) & 0xffff;
        kernel.icmpSend(fd, IcmpEcho.request(id, sequence, PAYLOAD), target.bytes());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.ceilDiv(deadline - System.nanoTime(), 1_000_000L);
            if (left <= 0 || !kernel.pollIn(fd, (int) Math.min(left, Integer.MAX_VALUE))) return false;
            int n = kernel.icmpReceive(fd, buffer);
            var reply = IcmpEcho.reply(buffer, n);
            if (reply.isPresent() && reply.get().equals(new IcmpEcho.Reply(target, id, sequence))) return true;
        }
    }

    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        kernel.close(fd);
    }
}
