package jlab.kernel.ffm;

import java.util.List;
import java.util.Set;

import jlab.kernel.MountFlag;
import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.Pipe;
import jlab.kernel.Signal;
import jlab.kernel.SpawnSpec;
import jlab.kernel.Syscalls;
import jlab.kernel.UmountFlag;
import jlab.kernel.WaitStatus;
import jlab.kernel.WindowSize;

/**
 * The real kernel, through glibc and the FFM API. Stateless and thread-safe: each group of calls is a
 * holder class whose downcall handles are linked the first time one of its calls is made, so a command
 * pays only for the calls it uses.
 */
public final class FfmSyscalls implements Syscalls {

    private static final FfmSyscalls INSTANCE = new FfmSyscalls();

    public FfmSyscalls() {}

    /** The shared instance; any instance behaves the same. */
    public static FfmSyscalls instance() { return INSTANCE; }

    @Override public void linkAll() {
        var lookup = java.lang.invoke.MethodHandles.lookup();
        for (Class<?> group : List.of(NamespaceCalls.class, MountCalls.class, SpawnCalls.class, ProcessCalls.class,
                FileCalls.class, NewMountApi.class, Identity.class, Advice.class, RawSyscall.class, NetlinkCalls.class,
                XattrCalls.class, TerminalCalls.class, IcmpCalls.class)) {
            try {
                lookup.ensureInitialized(group);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override public void unshare(Set<Namespace> namespaces) { NamespaceCalls.unshare(namespaces); }

    @Override public void unshareFs() { NamespaceCalls.unshareFs(); }

    @Override public void setns(int fd, Namespace type) { NamespaceCalls.setns(fd, type); }

    @Override public void sethostname(String name) { NamespaceCalls.sethostname(name); }

    @Override public String hostname() { return NamespaceCalls.hostname(); }

    @Override public void mount(String source, String target, String fstype, Set<MountFlag> flags, String data) {
        MountCalls.mount(source, target, fstype, flags, data);
    }

    @Override public void umount2(String target, Set<UmountFlag> flags) { MountCalls.umount2(target, flags); }

    @Override public void chroot(String path) { MountCalls.chroot(path); }

    @Override public void chdir(String path) { MountCalls.chdir(path); }

    @Override public void fchdir(int fd) { MountCalls.fchdir(fd); }

    @Override public void pivotRoot(String newRoot, String putOld) { MountCalls.pivotRoot(newRoot, putOld); }

    @Override public int spawn(SpawnSpec spec) { return SpawnCalls.spawn(spec); }

    @Override public WaitStatus waitpid(int pid, boolean noHang) { return ProcessCalls.waitpid(pid, noHang); }

    @Override public void kill(int pid, Signal signal) { ProcessCalls.kill(pid, signal); }

    @Override public int pidfdOpen(int pid) { return ProcessCalls.pidfdOpen(pid); }

    @Override public void pidfdSendSignal(int pidfd, Signal signal) { ProcessCalls.pidfdSendSignal(pidfd, signal); }

    @Override public void setChildSubreaper(boolean on) { ProcessCalls.setChildSubreaper(on); }

    @Override public void dropBoundingCapability(int capability) { ProcessCalls.dropBoundingCapability(capability); }

    @Override public void setNoNewPrivs() { ProcessCalls.setNoNewPrivs(); }

    @Override public int open(String path, Set<OpenFlag> flags) { return FileCalls.open(path, flags); }

    @Override public void close(int fd) { FileCalls.close(fd); }

    @Override public Pipe pipe() { return FileCalls.pipe(); }

    @Override public int read(int fd, byte[] buffer) { return FileCalls.read(fd, buffer); }

    @Override public int getpid() { return Identity.getpid(); }

    @Override public int gettid() { return Identity.gettid(); }

    @Override public int geteuid() { return Identity.geteuid(); }

    @Override public void mountProcForPidNamespace(String target, int pidnsFd) {
        NewMountApi.mountProcForPidNamespace(target, pidnsFd);
    }

    @Override public int netlinkSocket(int protocol) { return NetlinkCalls.socket(protocol); }

    @Override public int netlinkMulticastSocket(int protocol, int groups, int bufferBytes, int timeoutMillis) {
        return NetlinkCalls.multicastSocket(protocol, groups, bufferBytes, timeoutMillis);
    }

    @Override public void netlinkSend(int fd, byte[] message) { NetlinkCalls.send(fd, message); }

    @Override public int netlinkReceive(int fd, byte[] buffer) { return NetlinkCalls.receive(fd, buffer); }

    @Override public java.util.Optional<byte[]> getxattr(String path, String name) { return XattrCalls.getxattr(path, name); }

    @Override public List<String> listxattr(String path) { return XattrCalls.listxattr(path); }

    @Override public int write(int fd, byte[] buffer, int offset, int length) {
        return TerminalCalls.write(fd, buffer, offset, length);
    }

    @Override public boolean pollIn(int fd, int timeoutMillis) { return TerminalCalls.pollIn(fd, timeoutMillis); }

    @Override public void unlockPty(int masterFd) { TerminalCalls.unlockPty(masterFd); }

    @Override public int ptyNumber(int masterFd) { return TerminalCalls.ptyNumber(masterFd); }

    @Override public void setWindowSize(int fd, WindowSize size) { TerminalCalls.setWindowSize(fd, size); }

    @Override public WindowSize windowSize(int fd) { return TerminalCalls.windowSize(fd); }

    @Override public int icmpSocket() { return IcmpCalls.socket(); }

    @Override public void icmpSend(int fd, byte[] message, byte[] ipv4) { IcmpCalls.send(fd, message, ipv4); }

    @Override public int icmpReceive(int fd, byte[] buffer) { return NetlinkCalls.receive(fd, buffer); }
}
