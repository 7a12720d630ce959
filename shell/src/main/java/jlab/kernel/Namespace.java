package jlab.kernel;

import java.util.Arrays;
import java.util.Optional;

/** The eight Linux namespace types, with their clone(2) flag and the file name under /proc/PID/ns. */
public enum Namespace {
    MOUNT("mnt", "CLONE_NEWNS", 0x00020000, "2.4.19", "mount points"),
    UTS("uts", "CLONE_NEWUTS", 0x04000000, "2.6.19", "hostname and NIS domain name"),
    IPC("ipc", "CLONE_NEWIPC", 0x08000000, "2.6.19", "System V IPC, POSIX message queues"),
    PID("pid", "CLONE_NEWPID", 0x20000000, "2.6.24", "process IDs"),
    NET("net", "CLONE_NEWNET", 0x40000000, "2.6.29", "network devices, stacks, ports"),
    USER("user", "CLONE_NEWUSER", 0x10000000, "3.8", "user and group IDs, capabilities"),
    CGROUP("cgroup", "CLONE_NEWCGROUP", 0x02000000, "4.6", "cgroup root directory"),
    TIME("time", "CLONE_NEWTIME", 0x00000080, "5.6", "boot and monotonic clocks");

    private final String procName;
    private final String flagName;
    private final int flag;
    private final String sinceKernel;
    private final String isolates;

    Namespace(String procName, String flagName, int flag, String sinceKernel, String isolates) {
        this.procName = procName;
        this.flagName = flagName;
        this.flag = flag;
        this.sinceKernel = sinceKernel;
        this.isolates = isolates;
    }

    /** The link name in /proc/PID/ns, e.g. {@code mnt} for MOUNT. */
    public String procName() { return procName; }

    /** The clone(2)/unshare(2) flag name, e.g. {@code CLONE_NEWNS}. */
    public String flagName() { return flagName; }

    public int flag() { return flag; }

    /** The kernel version that completed this namespace type. */
    public String sinceKernel() { return sinceKernel; }

    /** What this namespace type gives a process its own copy of. */
    public String isolates() { return isolates; }

    /** Accepts the proc name ({@code mnt}), the enum name ({@code mount}) or the flag ({@code CLONE_NEWNS}). */
    public static Optional<Namespace> parse(String text) {
        String t = text.trim();
        return Arrays.stream(values())
                .filter(ns -> ns.procName.equalsIgnoreCase(t) || ns.name().equalsIgnoreCase(t)
                        || ns.flagName.equalsIgnoreCase(t))
                .findFirst();
    }
}
