package jlab.sandbox;

import java.util.Arrays;

/** Paths inside the container as a lab names them: absolute, and never able to climb out of the rootfs. */
final class ContainerPaths {
    private ContainerPaths() {}

    /** {@code /etc/hostname} → {@code etc/hostname}; refuses relative paths, "..", and NUL bytes. */
    static String relative(String containerPath) {
        if (containerPath == null || !containerPath.startsWith("/")) {
            throw new SandboxException("'" + containerPath + "' is not an absolute path inside the container");
        }
        if (containerPath.indexOf('\0') >= 0 || Arrays.asList(containerPath.split("/")).contains("..")) {
            throw new SandboxException("'" + containerPath + "' tries to leave the container's root file system");
        }
        return containerPath.replaceAll("^/+", "").replaceAll("/+", "/");
    }
}
