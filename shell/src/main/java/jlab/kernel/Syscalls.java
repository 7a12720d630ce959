package jlab.kernel;

import java.util.Set;

/**
 * The kernel operations jlab performs, one method per system call, typed. Every failure is a
 * {@link SyscallException} naming the call, its decoded arguments and errno. Namespace, root and cwd
 * changes apply to the calling <em>thread</em> (see DESIGN.md: one dedicated platform thread per
 * container). Implemented by {@code jlab.kernel.ffm.FfmSyscalls} for the real kernel, by fakes in tests,
 * and wrapped by {@link LoggingSyscalls} to feed the {@link SyscallLog}.
 */
public interface Syscalls {

    /**
     * Links every call now. A thread that chroots or pivots can no longer load class files from a
     * directory on the class path (tests, the VM), so the container's thread calls this first.
     */
    default void linkAll() { }

    /** unshare(2) with the CLONE_NEW* flags of {@code namespaces}. */
    void unshare(Set<Namespace> namespaces);

    /** unshare(CLONE_FS): gives the calling thread its own root, cwd and umask (needed before setns(mnt)). */
    void unshareFs();

    /** setns(2) into the namespace {@code fd} refers to; {@code type} may be null to accept any type. */
    void setns(int fd, Namespace type);

    void mount(String source, String target, String fstype, Set<MountFlag> flags, String data);

    void umount2(String target, Set<UmountFlag> flags);

    void chroot(String path);

    void chdir(String path);

    void fchdir(int fd);

    /** pivot_root(2): {@code newRoot} becomes / and the old root is put at {@code putOld}. */
    void pivotRoot(String newRoot, String putOld);

    void sethostname(String name);

    /** The nodename from uname(2), i.e. the hostname of the caller's UTS namespace. */
    String hostname();

    /** posix_spawn(3) as described by {@code spec}; returns the child's pid as the caller sees it. */
    int spawn(SpawnSpec spec);

    /** waitpid(2) on one child; with {@code noHang} returns {@link WaitStatus.StillRunning} at once if it runs. */
    WaitStatus waitpid(int pid, boolean noHang);

    void kill(int pid, Signal signal);

    /** pidfd_open(2): a descriptor that always refers to this process, never to a later one with its pid. */
    int pidfdOpen(int pid);

    void pidfdSendSignal(int pidfd, Signal signal);

    int open(String path, Set<OpenFlag> flags);

    void close(int fd);

    /** pipe2(O_CLOEXEC). */
    Pipe pipe();

    /** read(2) into {@code buffer}; returns the bytes read, 0 at end of file. */
    int read(int fd, byte[] buffer);

    /** prctl(PR_SET_CHILD_SUBREAPER). */
    void setChildSubreaper(boolean on);

    /** prctl(PR_CAPBSET_DROP, cap): removes a capability from the calling thread's bounding set. */
    void dropBoundingCapability(int capability);

    /** prctl(PR_SET_NO_NEW_PRIVS, 1). */
    void setNoNewPrivs();

    int getpid();

    int gettid();

    int geteuid();

    /**
     * Mounts a procfs at {@code target} that shows the pid namespace {@code pidnsFd} refers to, with the
     * new mount API (fsopen, fsconfig "pidns", fsmount, move_mount). Needs procfs's {@code pidns}
     * option (Linux 6.18+); older kernels fail with EINVAL and a process inside must mount /proc instead.
     */
    void mountProcForPidNamespace(String target, int pidnsFd);

    /**
     * socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, protocol) bound to a kernel-chosen port. The socket talks
     * to the network namespace of the calling thread at this moment, for its whole life.
     */
    default int netlinkSocket(int protocol) {
        throw new UnsupportedOperationException("netlink sockets are not available from " + getClass().getSimpleName());
    }

    /**
     * socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, protocol) bound to the multicast {@code groups} (a bit mask),
     * with a receive buffer of {@code bufferBytes} and a receive timeout: {@link #netlinkReceive} on it fails
     * with EAGAIN when nothing arrived within {@code timeoutMillis}.
     */
    default int netlinkMulticastSocket(int protocol, int groups, int bufferBytes, int timeoutMillis) {
        throw new UnsupportedOperationException("netlink sockets are not available from " + getClass().getSimpleName());
    }

    /** sendto(2) of one netlink message (or batch) to the kernel. */
    default void netlinkSend(int fd, byte[] message) {
        throw new UnsupportedOperationException("netlink sockets are not available from " + getClass().getSimpleName());
    }

    /** recv(2) of one netlink datagram into {@code buffer}; returns its length. Blocks until one arrives. */
    default int netlinkReceive(int fd, byte[] buffer) {
        throw new UnsupportedOperationException("netlink sockets are not available from " + getClass().getSimpleName());
    }

    /** lgetxattr(2): the value of extended attribute {@code name} of {@code path}; empty when it has none (ENODATA). */
    default java.util.Optional<byte[]> getxattr(String path, String name) {
        throw new UnsupportedOperationException("extended attributes are not available from " + getClass().getSimpleName());
    }

    /** llistxattr(2): the names of the extended attributes of {@code path} (trusted.* only for root). */
    default java.util.List<String> listxattr(String path) {
        throw new UnsupportedOperationException("extended attributes are not available from " + getClass().getSimpleName());
    }

    /** write(2) of {@code length} bytes of {@code buffer} from {@code offset}; returns how many were written. */
    default int write(int fd, byte[] buffer, int offset, int length) {
        throw new UnsupportedOperationException("write is not available from " + getClass().getSimpleName());
    }

    /**
     * poll(2) for input on one descriptor: true when, within {@code timeoutMillis}, it has something to
     * read or its other end is gone (POLLIN, POLLHUP or POLLERR), false when the time ran out.
     */
    default boolean pollIn(int fd, int timeoutMillis) {
        throw new UnsupportedOperationException("poll is not available from " + getClass().getSimpleName());
    }

    /** ioctl(fd, TIOCSPTLCK, 0): unlocks a pseudo-terminal master so its slave can be opened (unlockpt(3)). */
    default void unlockPty(int masterFd) {
        throw new UnsupportedOperationException("pseudo-terminals are not available from " + getClass().getSimpleName());
    }

    /** ioctl(fd, TIOCGPTN): the N of the slave /dev/pts/N in the master's devpts instance (ptsname(3)). */
    default int ptyNumber(int masterFd) {
        throw new UnsupportedOperationException("pseudo-terminals are not available from " + getClass().getSimpleName());
    }

    /** ioctl(fd, TIOCSWINSZ): sets a terminal's size; the kernel sends SIGWINCH to its foreground group. */
    default void setWindowSize(int fd, WindowSize size) {
        throw new UnsupportedOperationException("pseudo-terminals are not available from " + getClass().getSimpleName());
    }

    /** ioctl(fd, TIOCGWINSZ): a terminal's size. */
    default WindowSize windowSize(int fd) {
        throw new UnsupportedOperationException("pseudo-terminals are not available from " + getClass().getSimpleName());
    }

    /**
     * socket(AF_INET, SOCK_RAW|SOCK_CLOEXEC, IPPROTO_ICMP): a raw ICMP socket of the calling thread's network
     * namespace at this moment, for its whole life. It receives every ICMP packet of that namespace, IPv4
     * header included; what it sends gets an IPv4 header from the kernel (the ICMP checksum is the caller's).
     */
    default int icmpSocket() {
        throw new UnsupportedOperationException("ICMP sockets are not available from " + getClass().getSimpleName());
    }

    /** sendto(2) of one ICMP message to the IPv4 address {@code ipv4} (4 bytes, network order). */
    default void icmpSend(int fd, byte[] message, byte[] ipv4) {
        throw new UnsupportedOperationException("ICMP sockets are not available from " + getClass().getSimpleName());
    }

    /** recv(2) of one datagram (IPv4 header and ICMP message) into {@code buffer}; returns its length. Blocks. */
    default int icmpReceive(int fd, byte[] buffer) {
        throw new UnsupportedOperationException("ICMP sockets are not available from " + getClass().getSimpleName());
    }
}
