package jlab.kernel;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static jlab.kernel.SyscallLog.quote;

/**
 * Wraps any {@link Syscalls} and appends each call, with its result or errno, to a {@link SyscallLog},
 * so the real kernel and the test fakes are shown to the learner the same way. Reads and closes are
 * plumbing and not logged.
 */
public final class LoggingSyscalls implements Syscalls {
    private final Syscalls kernel;
    private final SyscallLog log;

    public LoggingSyscalls(Syscalls kernel, SyscallLog log) {
        this.kernel = kernel;
        this.log = log;
    }

    public SyscallLog log() { return log; }

    private <T> T logged(String call, List<String> args, Supplier<T> op, java.util.function.Function<T, String> result) {
        int tid = kernel.gettid();
        try {
            T value = op.get();
            log.add(new SyscallLog.Entry(tid, call, args, result.apply(value), false));
            return value;
        } catch (SyscallException e) {
            log.add(new SyscallLog.Entry(tid, call, args, "-1 " + e.errno(), true));
            throw e;
        }
    }

    private void logged(String call, List<String> args, Runnable op) {
        logged(call, args, () -> { op.run(); return 0; }, v -> "0");
    }

    private static String flags(Set<? extends Flag> flags) { return Flag.format(flags); }

    private static String namespaces(Set<Namespace> ns) {
        if (ns.isEmpty()) return "0";
        return String.join("|", EnumSet.copyOf(ns).stream().map(Namespace::flagName).toList());
    }

    @Override public void linkAll() { kernel.linkAll(); }

    @Override public void unshare(Set<Namespace> namespaces) {
        logged("unshare", List.of(namespaces(namespaces)), () -> kernel.unshare(namespaces));
    }

    @Override public void unshareFs() {
        logged("unshare", List.of("CLONE_FS"), kernel::unshareFs);
    }

    @Override public void setns(int fd, Namespace type) {
        logged("setns", List.of(String.valueOf(fd), type == null ? "0" : type.flagName()), () -> kernel.setns(fd, type));
    }

    @Override public void mount(String source, String target, String fstype, Set<MountFlag> flags, String data) {
        logged("mount", List.of(quote(source), quote(target), quote(fstype), flags(flags), quote(data)),
                () -> kernel.mount(source, target, fstype, flags, data));
    }

    @Override public void umount2(String target, Set<UmountFlag> flags) {
        logged("umount2", List.of(quote(target), flags(flags)), () -> kernel.umount2(target, flags));
    }

    @Override public void chroot(String path) {
        logged("chroot", List.of(quote(path)), () -> kernel.chroot(path));
    }

    @Override public void chdir(String path) {
        logged("chdir", List.of(quote(path)), () -> kernel.chdir(path));
    }

    @Override public void fchdir(int fd) {
        logged("fchdir", List.of(String.valueOf(fd)), () -> kernel.fchdir(fd));
    }

    @Override public void pivotRoot(String newRoot, String putOld) {
        logged("pivot_root", List.of(quote(newRoot), quote(putOld)), () -> kernel.pivotRoot(newRoot, putOld));
    }

    @Override public void sethostname(String name) {
        logged("sethostname", List.of(quote(name), String.valueOf(name.length())), () -> kernel.sethostname(name));
    }

    @Override public String hostname() {
        return logged("uname", List.of("{...}"), kernel::hostname, name -> "0 (nodename " + quote(name) + ")");
    }

    /** A gated spawn is shown as the spawn of its program: the gate's shell and its pipe are jlab's plumbing. */
    @Override public int spawn(SpawnSpec spec) {
        return logged("posix_spawn", List.of(quote(spec.path()), SyscallLog.quoteAll(spec.argv())),
                () -> kernel.spawn(spec), pid -> "0 (pid " + pid + ")");
    }

    @Override public WaitStatus waitpid(int pid, boolean noHang) {
        return logged("waitpid", List.of(String.valueOf(pid), noHang ? "WNOHANG" : "0"),
                () -> kernel.waitpid(pid, noHang), s -> s instanceof WaitStatus.StillRunning ? "0" : s.pid() + " (" + s.describe() + ")");
    }

    @Override public void kill(int pid, Signal signal) {
        logged("kill", List.of(String.valueOf(pid), signal.name()), () -> kernel.kill(pid, signal));
    }

    @Override public int pidfdOpen(int pid) {
        return logged("pidfd_open", List.of(String.valueOf(pid), "0"), () -> kernel.pidfdOpen(pid), String::valueOf);
    }

    @Override public void pidfdSendSignal(int pidfd, Signal signal) {
        logged("pidfd_send_signal", List.of(String.valueOf(pidfd), signal.name(), "NULL", "0"),
                () -> kernel.pidfdSendSignal(pidfd, signal));
    }

    @Override public int open(String path, Set<OpenFlag> flags) {
        return logged("open", List.of(quote(path), flags.isEmpty() ? "O_RDONLY" : flags(flags)),
                () -> kernel.open(path, flags), String::valueOf);
    }

    @Override public void close(int fd) { kernel.close(fd); }

    @Override public Pipe pipe() { return kernel.pipe(); }

    @Override public int read(int fd, byte[] buffer) { return kernel.read(fd, buffer); }

    @Override public void setChildSubreaper(boolean on) {
        logged("prctl", List.of("PR_SET_CHILD_SUBREAPER", on ? "1" : "0"), () -> kernel.setChildSubreaper(on));
    }

    @Override public void dropBoundingCapability(int capability) {
        logged("prctl", List.of("PR_CAPBSET_DROP", String.valueOf(capability)), () -> kernel.dropBoundingCapability(capability));
    }

    @Override public void setNoNewPrivs() {
        logged("prctl", List.of("PR_SET_NO_NEW_PRIVS", "1"), kernel::setNoNewPrivs);
    }

    @Override public int getpid() { return kernel.getpid(); }

    @Override public int gettid() { return kernel.gettid(); }

    @Override public int geteuid() { return kernel.geteuid(); }

    @Override public void mountProcForPidNamespace(String target, int pidnsFd) {
        logged("fsopen+fsmount", List.of("\"proc\"", "pidns=" + pidnsFd, quote(target)),
                () -> kernel.mountProcForPidNamespace(target, pidnsFd));
    }

    @Override public int netlinkSocket(int protocol) {
        return logged("socket", List.of("AF_NETLINK", "SOCK_RAW|SOCK_CLOEXEC", protocol == 0 ? "NETLINK_ROUTE" : String.valueOf(protocol)),
                () -> kernel.netlinkSocket(protocol), String::valueOf);
    }

    @Override public int netlinkMulticastSocket(int protocol, int groups, int bufferBytes, int timeoutMillis) {
        return logged("socket", List.of("AF_NETLINK", "SOCK_RAW|SOCK_CLOEXEC", protocol == 11 ? "NETLINK_CONNECTOR" : String.valueOf(protocol)),
                () -> kernel.netlinkMulticastSocket(protocol, groups, bufferBytes, timeoutMillis), String::valueOf);
    }

    /** Not logged here: the raw bytes mean nothing to a learner; jlab.net logs each request decoded. */
    @Override public void netlinkSend(int fd, byte[] message) { kernel.netlinkSend(fd, message); }

    @Override public int netlinkReceive(int fd, byte[] buffer) { return kernel.netlinkReceive(fd, buffer); }

    /** Reading attributes is inspection, not something the lab did: not logged. */
    @Override public java.util.Optional<byte[]> getxattr(String path, String name) { return kernel.getxattr(path, name); }

    @Override public List<String> listxattr(String path) { return kernel.listxattr(path); }

    /** Terminal bytes are plumbing, like read: not logged. */
    @Override public int write(int fd, byte[] buffer, int offset, int length) {
        return kernel.write(fd, buffer, offset, length);
    }

    @Override public boolean pollIn(int fd, int timeoutMillis) { return kernel.pollIn(fd, timeoutMillis); }

    @Override public void unlockPty(int masterFd) {
        logged("ioctl", List.of(String.valueOf(masterFd), "TIOCSPTLCK", "[0]"), () -> kernel.unlockPty(masterFd));
    }

    @Override public int ptyNumber(int masterFd) {
        return logged("ioctl", List.of(String.valueOf(masterFd), "TIOCGPTN", "[...]"), () -> kernel.ptyNumber(masterFd),
                n -> "0 (/dev/pts/" + n + ")");
    }

    @Override public void setWindowSize(int fd, WindowSize size) {
        logged("ioctl", List.of(String.valueOf(fd), "TIOCSWINSZ", "{ws_row=" + size.rows() + ", ws_col=" + size.columns() + "}"),
                () -> kernel.setWindowSize(fd, size));
    }

    @Override public WindowSize windowSize(int fd) { return kernel.windowSize(fd); }

    @Override public int icmpSocket() {
        return logged("socket", List.of("AF_INET", "SOCK_RAW|SOCK_CLOEXEC", "IPPROTO_ICMP"), kernel::icmpSocket, String::valueOf);
    }

    /** Not logged here, like netlink: the packets are plumbing of a ping. */
    @Override public void icmpSend(int fd, byte[] message, byte[] ipv4) { kernel.icmpSend(fd, message, ipv4); }

    @Override public int icmpReceive(int fd, byte[] buffer) { return kernel.icmpReceive(fd, buffer); }
}
