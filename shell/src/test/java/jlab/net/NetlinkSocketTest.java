package jlab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import jlab.kernel.Errno;
import jlab.kernel.MountFlag;
import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.Pipe;
import jlab.kernel.Signal;
import jlab.kernel.SpawnSpec;
import jlab.kernel.SyscallException;
import jlab.kernel.SyscallLog;
import jlab.kernel.Syscalls;
import jlab.kernel.UmountFlag;
import jlab.kernel.WaitStatus;

/** The socket's request/answer logic against a recording fake kernel that answers with canned datagrams. */
class NetlinkSocketTest {

    /** Records what is sent and answers each recv with the next datagram, its sequence number set to the last request's. */
    static final class FakeKernel implements Syscalls {
        final List<Message> sent = new ArrayList<>();
        final Deque<List<Message>> answers = new ArrayDeque<>();

        @Override public void netlinkSend(int fd, byte[] message) { sent.addAll(NetlinkCodec.decode(message)); }

        @Override public int netlinkReceive(int fd, byte[] buffer) {
            int seq = sent.getLast().seq();
            byte[] bytes = NetlinkCodec.encodeAll(answers.removeFirst().stream()
                    .map(m -> new Message(m.type(), m.flags(), seq, 4242, m.body())).toList());
            System.arraycopy(bytes, 0, buffer, 0, bytes.length);
            return bytes.length;
        }

        @Override public int gettid() { return 7; }
        @Override public void close(int fd) { }
        @Override public void unshare(Set<Namespace> namespaces) { throw new UnsupportedOperationException(); }
        @Override public void unshareFs() { throw new UnsupportedOperationException(); }
        @Override public void setns(int fd, Namespace type) { throw new UnsupportedOperationException(); }
        @Override public void mount(String s, String t, String f, Set<MountFlag> fl, String d) { throw new UnsupportedOperationException(); }
        @Override public void umount2(String target, Set<UmountFlag> flags) { throw new UnsupportedOperationException(); }
        @Override public void chroot(String path) { throw new UnsupportedOperationException(); }
        @Override public void chdir(String path) { throw new UnsupportedOperationException(); }
        @Override public void fchdir(int fd) { throw new UnsupportedOperationException(); }
        @Override public void pivotRoot(String newRoot, String putOld) { throw new UnsupportedOperationException(); }
        @Override public void sethostname(String name) { throw new UnsupportedOperationException(); }
        @Override public String hostname() { throw new UnsupportedOperationException(); }
        @Override public int spawn(SpawnSpec spec) { throw new UnsupportedOperationException(); }
        @Override public WaitStatus waitpid(int pid, boolean noHang) { throw new UnsupportedOperationException(); }
        @Override public void kill(int pid, Signal signal) { throw new UnsupportedOperationException(); }
        @Override public int pidfdOpen(int pid) { throw new UnsupportedOperationException(); }
        @Override public void pidfdSendSignal(int pidfd, Signal signal) { throw new UnsupportedOperationException(); }
        @Override public int open(String path, Set<OpenFlag> flags) { throw new UnsupportedOperationException(); }
        @Override public Pipe pipe() { throw new UnsupportedOperationException(); }
        @Override public int read(int fd, byte[] buffer) { throw new UnsupportedOperationException(); }
        @Override public void setChildSubreaper(boolean on) { throw new UnsupportedOperationException(); }
        @Override public void dropBoundingCapability(int capability) { throw new UnsupportedOperationException(); }
        @Override public void setNoNewPrivs() { throw new UnsupportedOperationException(); }
        @Override public int getpid() { return 1; }
        @Override public int geteuid() { return 0; }
        @Override public void mountProcForPidNamespace(String target, int pidnsFd) { throw new UnsupportedOperationException(); }
    }

    private static Message error(int errno) {
        return new Message(Rtnl.NLMSG_ERROR, 0, 0, 0, new Message.Error(-errno, Rtnl.RTM_NEWLINK, 0, 0));
    }

    @Test void nlmsgErrorBecomesSyscallExceptionNamingTheRequest() {
        var kernel = new FakeKernel();
        var log = new SyscallLog();
        kernel.answers.add(List.of(error(Errno.EEXIST)));
        var rt = new Rtnetlink(NetlinkSocket.over(kernel, 3, log));
        assertThatThrownBy(() -> rt.createBridge("br0")).isInstanceOfSatisfying(SyscallException.class, e -> {
            assertThat(e.call()).isEqualTo("RTM_NEWLINK");
            assertThat(e.errno().name()).isEqualTo("EEXIST");
            assertThat(e.getMessage()).startsWith("RTM_NEWLINK(NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, ifname=\"br0\", kind=\"bridge\") = -1 EEXIST");
        });
        assertThat(kernel.sent.getFirst().seq()).isEqualTo(1);
        assertThat(log.all()).extracting(SyscallLog.Entry::toString).containsExactly(
                "RTM_NEWLINK(NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, ifname=\"br0\", kind=\"bridge\") = -1 EEXIST (File exists)");
    }

    @Test void dumpCollectsMultipartAnswersUntilDone() {
        var kernel = new FakeKernel();
        Message lo = new Message(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_MULTI, 0, 0, new Message.IfInfo(0, 772, 1, Rtnl.IFF_LOOPBACK, 0,
                List.of(Attr.string(Rtnl.IFLA_IFNAME, "lo"))));
        Message eth0 = new Message(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_MULTI, 0, 0, new Message.IfInfo(0, 1, 2, 0, 0,
                List.of(Attr.string(Rtnl.IFLA_IFNAME, "eth0"))));
        kernel.answers.add(List.of(lo));
        kernel.answers.add(List.of(eth0, new Message(Rtnl.NLMSG_DONE, Rtnl.NLM_F_MULTI, 0, 0, new Message.Done())));
        var links = new Rtnetlink(NetlinkSocket.over(kernel, 3, null)).links();
        assertThat(links).extracting(Link::name).containsExactly("lo", "eth0");
        assertThat(links.getFirst().kind()).isEqualTo("loopback");
        assertThat(kernel.sent.getFirst().flags()).isEqualTo(Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP);
    }

    @Test void missingLinkIsEnodevFromGetlink() {
        var kernel = new FakeKernel();
        kernel.answers.add(List.of(error(19)));
        var rt = new Rtnetlink(NetlinkSocket.over(kernel, 3, null));
        assertThat(rt.link("nope")).isEmpty();
        kernel.answers.add(List.of(error(19)));
        assertThatThrownBy(() -> rt.setUp("nope", true)).isInstanceOfSatisfying(SyscallException.class,
                e -> assertThat(e.errno().name()).isEqualTo("ENODEV"));
    }
}
