package jlab.sandbox;

/**
 * Capability numbers (linux/capability.h) that container processes never get: each would let a root
 * process inside reach past its namespaces (modules, raw I/O, device nodes, open_by_handle_at, reboot,
 * the clock, kernel logs, BPF, ptrace of processes it can see, immutable files).
 */
final class Capabilities {
    static final int CAP_DAC_READ_SEARCH = 2, CAP_LINUX_IMMUTABLE = 9, CAP_SYS_MODULE = 16, CAP_SYS_RAWIO = 17,
            CAP_SYS_PTRACE = 19, CAP_SYS_PACCT = 20, CAP_SYS_BOOT = 22, CAP_SYS_TIME = 25, CAP_MKNOD = 27,
            CAP_AUDIT_CONTROL = 30, CAP_MAC_OVERRIDE = 32, CAP_MAC_ADMIN = 33, CAP_SYSLOG = 34,
            CAP_WAKE_ALARM = 35, CAP_BLOCK_SUSPEND = 36, CAP_PERFMON = 38, CAP_BPF = 39, CAP_CHECKPOINT_RESTORE = 40;

    static final int[] DROPPED_FOR_CONTAINERS = {
        CAP_DAC_READ_SEARCH, CAP_LINUX_IMMUTABLE, CAP_SYS_MODULE, CAP_SYS_RAWIO, CAP_SYS_PTRACE, CAP_SYS_PACCT,
        CAP_SYS_BOOT, CAP_SYS_TIME, CAP_MKNOD, CAP_AUDIT_CONTROL, CAP_MAC_OVERRIDE, CAP_MAC_ADMIN, CAP_SYSLOG,
        CAP_WAKE_ALARM, CAP_BLOCK_SUSPEND, CAP_PERFMON, CAP_BPF, CAP_CHECKPOINT_RESTORE
    };

    private Capabilities() {}
}
