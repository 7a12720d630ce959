package jlab.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The guard that keeps jlab out of the machine's own network namespace: the one of PID 1 and of the JVM's
 * main thread (PID 1's is skipped when its owner hides it from us, as in some containers; jlab itself runs
 * in the machine's namespace, so its main thread's is enough). Every socket jlab opens for rtnetlink and every namespace it moves a link into is checked
 * against it first.
 */
public final class HostNetns {
    private HostNetns() {}

    private static final List<Path> HOST = List.of(Path.of("/proc/1/ns/net"), Path.of("/proc/self/ns/net"));

    /** Throws if {@code nsLink} (an nsfs file, a /proc/.../ns/net link or a bind mount of one) is the host's. */
    public static void refuse(Path nsLink, String what) {
        String target = identity(nsLink);
        for (Path host : HOST) {
            if (host.startsWith("/proc/1") && !Files.isReadable(host)) continue;
            if (target.equals(identity(host))) {
                throw new IllegalStateException("refusing to " + what + " in the machine's own network namespace ("
                        + target + ", the same as " + host + "): jlab changes only namespaces it created");
            }
        }
    }

    /** {@code net:[4026532301]}: the link text, or for a bind-mounted pin file its device and inode. */
    static String identity(Path nsLink) {
        try {
            if (Files.isSymbolicLink(nsLink)) return Files.readSymbolicLink(nsLink).toString();
            Object inode = Files.getAttribute(nsLink, "unix:ino");
            return "net:[" + inode + "]";
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot identify the network namespace " + nsLink + ": " + e, e);
        }
    }
}
