package jlab.lab;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How the lab's sandbox is prepared before step 1. */
public record SandboxSpec(Rootfs rootfs) {
    public static final SandboxSpec DEFAULT = new SandboxSpec(Rootfs.BUSYBOX);

    /** The root file systems jlab can build; busybox-static copied into a fresh directory tree. */
    public enum Rootfs { BUSYBOX }

    public SandboxSpec {
        rootfs = rootfs == null ? Rootfs.BUSYBOX : rootfs;
    }

    @JsonCreator
    static SandboxSpec of(@JsonProperty("rootfs") Rootfs rootfs) {
        return new SandboxSpec(rootfs);
    }
}
