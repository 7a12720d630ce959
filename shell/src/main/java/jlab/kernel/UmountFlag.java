package jlab.kernel;

/** Flags of umount2(2). */
public enum UmountFlag implements Flag {
    MNT_FORCE(1), MNT_DETACH(2), UMOUNT_NOFOLLOW(8);

    private final long bits;

    UmountFlag(long bits) { this.bits = bits; }

    @Override public String cName() { return name(); }

    @Override public long bits() { return bits; }
}
