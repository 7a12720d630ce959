package jlab.proc;

/**
 * A namespace as a /proc/PID/ns link names it: {@code mnt:[4026531841]}. Two processes share a
 * namespace exactly when type and inode are equal.
 */
public record NamespaceId(String type, long inode) {

    /** Parses the target of an ns link, e.g. {@code pid:[4026531836]}. */
    public static NamespaceId parse(String link) {
        String t = link.strip();
        int open = t.indexOf(":[");
        if (open <= 0 || !t.endsWith("]")) {
            throw new IllegalArgumentException("not a namespace link: " + link);
        }
        return new NamespaceId(t.substring(0, open), Long.parseLong(t.substring(open + 2, t.length() - 1)));
    }

    @Override
    public String toString() {
        return type + ":[" + inode + "]";
    }
}
