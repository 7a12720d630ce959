package jlab.net;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jlab.kernel.Errno;
import jlab.kernel.SyscallException;
import jlab.kernel.SyscallLog;
import jlab.kernel.Syscalls;

/**
 * An rtnetlink socket of one network namespace: the one its creating thread was in. Requests are
 * answered in order, so each call sends one request and reads until the answer with its sequence number:
 * an ACK, an NLMSG_ERROR (thrown as a {@link SyscallException} naming the request and errno), or the
 * messages of a dump up to NLMSG_DONE. Each request goes to the syscall log decoded, when a log is given.
 * Thread-safe: one request at a time.
 *
 * <p>It refuses to open in the machine's own network namespace (that of PID 1 or of the JVM's main thread):
 * jlab builds its topologies only inside namespaces it created.
 */
public final class NetlinkSocket implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final Syscalls kernel;
    private final int fd;
    private final SyscallLog log;
    private final byte[] buffer = new byte[BUFFER];
    private int seq;
    private boolean closed;

    private NetlinkSocket(Syscalls kernel, int fd, SyscallLog log) {
        this.kernel = kernel;
        this.fd = fd;
        this.log = log;
    }

    /**
     * Opens a NETLINK_ROUTE socket in the calling thread's network namespace, which must not be the
     * host's. {@code log} may be null.
     */
    public static NetlinkSocket open(Syscalls kernel, SyscallLog log) {
        refuseHostNamespace();
        return new NetlinkSocket(kernel, kernel.netlinkSocket(Rtnl.NETLINK_ROUTE), log);
    }

    /** A socket over an already open descriptor, without the namespace check: for recording fakes in tests. */
    static NetlinkSocket over(Syscalls kernel, int fd, SyscallLog log) {
        return new NetlinkSocket(kernel, fd, log);
    }

    /** Throws unless the calling thread is in a network namespace other than PID 1's and the JVM main thread's. */
    static void refuseHostNamespace() {
        HostNetns.refuse(Path.of("/proc/thread-self/ns/net"), "open an rtnetlink socket");
    }

    public int fd() { return fd; }

    /** Sends {@code request} with NLM_F_ACK and waits for its ACK; an error answer is thrown. */
    public synchronized void ack(Message request) {
        Message sent = send(request, Rtnl.NLM_F_ACK);
        while (true) {
            for (Message reply : receive(sent.seq())) {
                if (reply.body() instanceof Message.Error e) {
                    logged(sent, e.error());
                    if (!e.isAck()) throw failure(sent, e.error());
                    return;
                }
            }
        }
    }

    /** A request answered by messages (a dump with NLM_F_DUMP, or a single GET); errors are thrown. */
    public synchronized List<Message> query(Message request) {
        Message sent = send(request, 0);
        List<Message> answers = new ArrayList<>();
        boolean multi = (request.flags() & Rtnl.NLM_F_DUMP) == Rtnl.NLM_F_DUMP;
        while (true) {
            for (Message reply : receive(sent.seq())) {
                switch (reply.body()) {
                    case Message.Error e -> {
                        if (!e.isAck()) throw failure(sent, e.error());
                        return answers;
                    }
                    case Message.Done d -> { return answers; }
                    default -> {
                        answers.add(reply);
                        if (!multi) return answers;
                    }
                }
            }
        }
    }

    private Message send(Message request, int extraFlags) {
        if (closed) throw new IllegalStateException("netlink socket " + fd + " is closed");
        Message sent = new Message(request.type(), request.flags() | Rtnl.NLM_F_REQUEST | extraFlags, ++seq, 0, request.body());
        kernel.netlinkSend(fd, NetlinkCodec.encode(sent));
        return sent;
    }

    private List<Message> receive(int wantedSeq) {
        int n = kernel.netlinkReceive(fd, buffer);
        return NetlinkCodec.decode(buffer, n).stream().filter(m -> m.seq() == wantedSeq).toList();
    }

    private SyscallException failure(Message request, int error) {
        Errno errno = Errno.of(-error);
        return new SyscallException(Rtnl.typeName(request.type()), MessageText.arguments(request), errno, advice(request, errno));
    }

    private void logged(Message request, int error) {
        if (log == null) return;
        String result = error == 0 ? "0 (ACK)" : "-1 " + Errno.of(-error);
        log.add(new SyscallLog.Entry(kernel.gettid(), Rtnl.typeName(request.type()), MessageText.arguments(request),
                result, error != 0));
    }

    private static String advice(Message request, Errno errno) {
        return switch (errno.number()) {
            case Errno.EEXIST -> "a link, address or route like this one already exists in that namespace";
            case 19 -> "no such device in this network namespace (moved to another one, or never created?)";
            case Errno.EPERM -> "jlab must run as root";
            case Errno.EOPNOTSUPP -> "this kernel lacks the link kind (is the veth or bridge module available?)";
            default -> "";
        };
    }

    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        kernel.close(fd);
    }
}
