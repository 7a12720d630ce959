package jlab.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What one layer (or the merged view) holds at a path: its kind, inode and size, and for a directory in an
 * upper layer whether it is opaque. A whiteout is how an upper layer hides a lower file: a character
 * device with device number 0/0.
 */
public record LayerEntry(Kind kind, long inode, long size, boolean opaque) {

    public enum Kind { FILE, DIR, SYMLINK, WHITEOUT, OTHER }

    /** The xattr overlayfs sets to "y" on an upper directory that hides everything below it. */
    public static final String OPAQUE_XATTR = "trusted.overlay.opaque";

    private static final int S_IFMT = 0170000, S_IFCHR = 0020000;

    /** lstat of {@code path}; empty when nothing is there. */
    public static Optional<LayerEntry> read(Path path, Xattrs xattrs) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(path, "unix:mode,rdev,ino,size", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        int mode = (Integer) a.get("mode");
        long rdev = (Long) a.get("rdev");
        long inode = (Long) a.get("ino");
        long size = (Long) a.get("size");
        Kind kind;
        if ((mode & S_IFMT) == S_IFCHR && rdev == 0) kind = Kind.WHITEOUT;
        else if (Files.isSymbolicLink(path)) kind = Kind.SYMLINK;
        else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) kind = Kind.DIR;
        else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) kind = Kind.FILE;
        else kind = Kind.OTHER;
        boolean opaque = kind == Kind.DIR && xattrs.get(path, OPAQUE_XATTR).filter("y"::equals).isPresent();
        return Optional.of(new LayerEntry(kind, inode, size, opaque));
    }

    /** {@code file 12 B #4711}, {@code dir}, {@code opaque dir}, {@code whiteout c 0/0}. */
    public String describe() {
        return switch (kind) {
            case FILE -> "file " + size + " B #" + inode;
            case DIR -> opaque ? "opaque dir" : "dir";
            case SYMLINK -> "symlink";
            case WHITEOUT -> "whiteout c 0/0";
            case OTHER -> "special #" + inode;
        };
    }
}
