package jlab.inspect;

import java.util.List;

import jlab.proc.MountInfo;

/**
 * A mount table in the kernel's order and whose it is: {@code view} is "host", "container thread 1234" or
 * "container init 5678". Paths are as that view sees them (relative to its root after chroot).
 */
public record MountSnapshot(String view, List<MountInfo> mounts) {

    public MountSnapshot {
        mounts = List.copyOf(mounts);
    }
}
