package jlab.sandbox;

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
}
