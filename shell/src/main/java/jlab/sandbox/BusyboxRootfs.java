package jlab.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Builds a minimal root file system from a statically linked busybox: the binary, a link per applet
 * (the list comes from the binary itself), the directories a container expects, and just enough of /etc.
 * /dev gets empty files that the sandbox bind-mounts the host's null, zero and random devices onto.
 */
public final class BusyboxRootfs {
    public static final Path DEFAULT_BUSYBOX = Path.of("/bin/busybox");
    /** busybox's sh (ash), which every process jlab starts in the container waits in first (see RecordedSpawns). */
    static final String SHELL = "/bin/sh";
    static final List<String> DEVICES = List.of("null", "zero", "random", "urandom", "tty");
    private static final List<String> DIRS =
            List.of("bin", "sbin", "usr/bin", "usr/sbin", "proc", "sys", "dev", "etc", "tmp", "root", "run", "var/run");

    private final Path busybox;

    public BusyboxRootfs(Path busybox) {
        this.busybox = busybox;
    }

    /** Fills {@code root} (an empty directory jlab created) and returns the number of applets linked. */
    public int build(Path root) throws IOException {
        if (!Files.isExecutable(busybox)) {
            throw new IOException(busybox + " not found: install it with `apt-get install busybox-static` (or `sudo ./jlab setup`)");
        }
        for (String dir : DIRS) Files.createDirectories(root.resolve(dir));
        Files.copy(busybox, root.resolve("bin/busybox"), StandardCopyOption.COPY_ATTRIBUTES);
        int linked = 0;
        for (String applet : applets()) {
            Path link = root.resolve(applet);
            if (applet.equals("bin/busybox") || Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) continue;
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of("/bin/busybox"));
            linked++;
        }
        if (!Files.isSymbolicLink(root.resolve(ContainerPaths.relative(SHELL)))) {
            throw new IOException(busybox + " has no sh applet: jlab starts every process of a container through busybox sh");
        }
        for (String dev : DEVICES) Files.createFile(root.resolve("dev").resolve(dev));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        Files.writeString(root.resolve("etc/hostname"), "jlab\n");
        Files.writeString(root.resolve("etc/motd"), "A busybox root file system built by jlab.\n");
        return linked;
    }

    /** The applets this busybox has, as paths relative to / ({@code bin/ls}, {@code sbin/ip}, ...). */
    private List<String> applets() throws IOException {
        Process p = new ProcessBuilder(busybox.toString(), "--list-full").redirectErrorStream(true).start();
        try (var in = p.getInputStream()) {
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new IOException(busybox + " --list-full failed: " + out.strip());
            return out.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.contains("..")).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing busybox applets", e);
        }
    }
}
