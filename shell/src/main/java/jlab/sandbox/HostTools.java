package jlab.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.nio.file.Path;
import java.util.List;

/** Statically linked host programs a lab may copy into its rootfs with the {@code install} action. */
public final class HostTools {
    private HostTools() {}

    /** {@code name} as labs write it, where the host has it, where it goes, and the Debian package with it. */
    public record Tool(String name, Path hostPath, String containerPath, String debianPackage) {}

    public static final List<Tool> ALL = List.of(
            new Tool("tini", Path.of("/usr/bin/tini-static"), "/sbin/tini", "tini"));

    public static List<String> names() {
        return ALL.stream().map(Tool::name).toList();
    }

    static Tool find(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new SandboxException("jlab cannot install '" + name + "' into a container; it knows " + names()));
    }

    /**
     * Copies a statically linked host tool jlab knows into the rootfs (busybox has no such applet): only the
     * names of {@link HostTools}, never an arbitrary host file.
     */
    static String install(Sandbox sandbox, String tool) {
        Tool t = find(tool);
        try {
            Path to = sandbox.hostPath(t.containerPath());
            Files.createDirectories(to.getParent());
            Files.copy(t.hostPath(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return t.containerPath();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SandboxException(t.hostPath() + " not found: install it with `apt-get install " + t.debianPackage()
                    + "` (or `sudo ./jlab setup`)");
        } catch (IOException e) {
            throw new SandboxException("cannot copy " + t.hostPath() + " into the container: " + e.getMessage());
        }
    }
}
