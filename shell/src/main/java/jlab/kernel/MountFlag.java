package jlab.kernel;

/** Flags of mount(2), from linux/mount.h. */
public enum MountFlag implements Flag {
    MS_RDONLY(1), MS_NOSUID(2), MS_NODEV(4), MS_NOEXEC(8), MS_REMOUNT(32), MS_BIND(4096), MS_MOVE(8192),
    MS_REC(16384), MS_UNBINDABLE(1 << 17), MS_PRIVATE(1 << 18), MS_SLAVE(1 << 19), MS_SHARED(1 << 20);

    private final long bits;

    MountFlag(long bits) { this.bits = bits; }

    @Override public String cName() { return name(); }

    @Override public long bits() { return bits; }
}
