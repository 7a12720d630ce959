package jlab.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A temporary /proc and /sys shaped like this machine's (Debian 12, kernel 6.18, cgroup v1 hybrid). */
final class FakeHost {

    static final String STATUS_ROOT = """
            Name:\thead
            Umask:\t0022
            State:\tR (running)
            Tgid:\t14475
            Ngid:\t0
            Pid:\t14475
            PPid:\t14473
            TracerPid:\t0
            Uid:\t0\t0\t0\t0
            Gid:\t0\t0\t0\t0
            FDSize:\t256
            """;

    static final String OSRELEASE = "6.18.44-fc-v657\n";

    static final String FILESYSTEMS = """
            nodev\tsysfs
            nodev\ttmpfs
            nodev\tproc
            nodev\tcgroup
            nodev\tcgroup2
            nodev\tcpuset
            nodev\tdevtmpfs
            nodev\tbinfmt_misc
            nodev\tdevpts
            \text3
            \text2
            \text4
            \tsquashfs
            nodev\tfuse
            nodev\tfusectl
            nodev\toverlay
            \txfs
            nodev\tmqueue
            \tbtrfs
            nodev\tpstore
            """;

    /** This machine's /proc/self/mountinfo: cgroup v1 hybrid with an almost empty cgroup2 at unified/. */
    static final String MOUNTINFO_V1_HYBRID = """
            22 27 0:21 / /proc rw,relatime - proc proc rw
            23 27 0:22 / /sys rw,relatime - sysfs sysfs rw
            24 27 0:6 / /dev rw,relatime - devtmpfs devtmpfs rw,size=12334492k,nr_inodes=3083623,mode=755
            26 24 0:24 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000
            27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
            37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
            38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    /** A stock systemd Debian 12 host (pure cgroup v2), not this machine. */
    static final String MOUNTINFO_V2 = """
            22 29 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
            23 29 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:13 - proc proc rw
            29 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
            30 22 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
            """;

    static final String V2_CONTROLLERS = "cpuset cpu io memory hugetlb pids rdma misc\n";

    private static final Map<String, String> NS_LINKS = Map.of(
            "cgroup", "cgroup:[4026531835]", "ipc", "ipc:[4026531839]", "mnt", "mnt:[4026531832]",
            "net", "net:[4026531833]", "pid", "pid:[4026531836]", "time", "time:[4026531834]",
            "user", "user:[4026531837]", "uts", "uts:[4026531838]");

    final Path proc;
    final Path sys;

    FakeHost(Path dir) {
        proc = dir.resolve("proc");
        sys = dir.resolve("sys");
        write("proc/self/status", STATUS_ROOT);
        write("proc/sys/kernel/osrelease", OSRELEASE);
        write("proc/filesystems", FILESYSTEMS);
        write("proc/self/mountinfo", MOUNTINFO_V1_HYBRID);
        write("sys/fs/cgroup/unified/cgroup.controllers", "hugetlb\n");
        try {
            Files.createDirectories(proc.resolve("self/ns"));
            for (var link : NS_LINKS.entrySet()) {
                // Dangling on purpose, like the real magic links when read as plain symlinks.
                Files.createSymbolicLink(proc.resolve("self/ns").resolve(link.getKey()), Path.of(link.getValue()));
                write("proc/sys/user/max_" + link.getKey() + "_namespaces", "96365\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeHost write(String relative, String content) {
        Path file = proc.getParent().resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeHost delete(String relative) {
        try {
            Files.delete(proc.getParent().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    HostChecks checks() {
        return new HostChecks(proc, sys);
    }
}
