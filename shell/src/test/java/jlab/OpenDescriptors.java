package jlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test JVM's own open descriptors, for tests that prove a netlink or other socket was closed. */
public final class OpenDescriptors {
    private OpenDescriptors() {}

    /** How many of this JVM's descriptors are sockets now. */
    public static long sockets() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // the descriptor Files.list itself used, closed by now
                }
            }).count();
        }
    }
}
