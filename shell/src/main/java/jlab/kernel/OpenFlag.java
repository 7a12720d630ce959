package jlab.kernel;

/** Flags of open(2) that jlab uses (x86_64 and aarch64 values). O_RDONLY is 0, so it is the empty set. */
public enum OpenFlag implements Flag {
    O_WRONLY(1), O_RDWR(2), O_CREAT(0100), O_NOCTTY(0400), O_TRUNC(01000), O_NONBLOCK(04000),
    O_DIRECTORY(0200000), O_NOFOLLOW(0400000), O_CLOEXEC(02000000), O_PATH(010000000);

    private final long bits;

    OpenFlag(long bits) { this.bits = bits; }

    @Override public String cName() { return name(); }

    @Override public long bits() { return bits; }
}
