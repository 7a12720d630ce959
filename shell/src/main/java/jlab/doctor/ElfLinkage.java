package jlab.doctor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether an ELF executable is statically linked: it is when none of its program headers is PT_INTERP
 * (no dynamic loader is named), which also holds for static-pie binaries. The lab's busybox runs inside
 * a root file system that has no /lib, so it must be static.
 */
enum ElfLinkage {
    STATIC,
    DYNAMIC;

    private static final int PT_INTERP = 3;
    private static final int ELFCLASS32 = 1;
    private static final int ELFCLASS64 = 2;
    private static final int ELFDATA2LSB = 1;
    private static final int ELFDATA2MSB = 2;
    /** Far above any real binary's count; guards against reading garbage as a table. */
    private static final int MAX_PROGRAM_HEADERS = 4096;

    /** Reads the ELF header and program headers of {@code file}; an IOException says why it is not ELF. */
    static ElfLinkage of(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer ident = readAt(channel, file, 0, 16);
            if (ident.getInt(0) != 0x7f454c46) {
                throw new IOException(file + " is not an ELF file");
            }
            int elfClass = ident.get(4);
            ByteOrder order = switch (ident.get(5)) {
                case ELFDATA2LSB -> ByteOrder.LITTLE_ENDIAN;
                case ELFDATA2MSB -> ByteOrder.BIG_ENDIAN;
                default -> throw new IOException(file + ": unknown ELF data encoding " + ident.get(5));
            };
            boolean is64 = switch (elfClass) {
                case ELFCLASS64 -> true;
                case ELFCLASS32 -> false;
                default -> throw new IOException(file + ": unknown ELF class " + elfClass);
            };
            ByteBuffer header = readAt(channel, file, 0, is64 ? 64 : 52).order(order);
            long phoff = is64 ? header.getLong(32) : Integer.toUnsignedLong(header.getInt(28));
            int phentsize = Short.toUnsignedInt(header.getShort(is64 ? 54 : 42));
            int phnum = Short.toUnsignedInt(header.getShort(is64 ? 56 : 44));
            if (phnum > MAX_PROGRAM_HEADERS || (phnum > 0 && phentsize < 4)) {
                throw new IOException(file + ": implausible program header table (" + phnum + " × " + phentsize + ")");
            }
            ByteBuffer table = readAt(channel, file, phoff, phnum * phentsize).order(order);
            for (int i = 0; i < phnum; i++) {
                if (table.getInt(i * phentsize) == PT_INTERP) return DYNAMIC;
            }
            return STATIC;
        }
    }

    private static ByteBuffer readAt(FileChannel channel, Path file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException(file + " ends at byte " + (position + buffer.position()) + ", inside its ELF headers");
            }
        }
        return buffer;
    }
}
