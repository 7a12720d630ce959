package jlab.doctor;

import jlab.cgroup.CgroupDetector;
import jlab.kernel.KernelRelease;
import jlab.kernel.Namespace;
import jlab.proc.MountInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The doctor's checks, one method each, reading files below injectable roots so tests can point them
 * at temporary directories shaped like /proc and /sys. Each returns a {@link Finding}; none throws.
 */
final class HostChecks {

    static final int MIN_KERNEL_MAJOR = 5;
    static final int MIN_KERNEL_MINOR = 8;
    static final int MIN_JAVA = 25;
    /** procfs accepts {@code pidns=} since Linux 6.18. */
    /** What the cgroups lab (planned) will limit. */
    private static final List<String> NEEDED_CONTROLLERS = List.of("cpu", "memory", "pids");
    private static final String INSTALL_BUSYBOX = "apt-get install busybox-static";

    private final Path proc;
    private final Path sys;

    HostChecks(Path procRoot, Path sysRoot) {
        this.proc = procRoot;
        this.sys = sysRoot;
    }

    Finding root() {
        String check = "running as root";
        Path status = proc.resolve("self/status");
        try {
            String uidLine = Files.readAllLines(status).stream().filter(l -> l.startsWith("Uid:")).findFirst()
                    .orElseThrow(() -> new IOException("no Uid: line in " + status));
            // Uid: real effective saved filesystem; the kernel checks the effective one.
            String euid = uidLine.substring(4).strip().split("\\s+")[1];
            return euid.equals("0") ? Finding.ok(check, "euid 0")
                    : Finding.fail(check, "euid " + euid, "run jlab as root: sudo jlab …");
        } catch (IOException | RuntimeException e) {
            return unreadable(check, status, e);
        }
    }

    Finding kernel() {
        String check = "kernel ≥ " + MIN_KERNEL_MAJOR + "." + MIN_KERNEL_MINOR;
        Path osrelease = proc.resolve("sys/kernel/osrelease");
        try {
            String text = Files.readString(osrelease).strip();
            return KernelRelease.parse(text)
                    .map(k -> k.atLeast(MIN_KERNEL_MAJOR, MIN_KERNEL_MINOR) ? Finding.ok(check, "Linux " + text)
                            : Finding.fail(check, "Linux " + text, "boot a kernel " + MIN_KERNEL_MAJOR + "."
                                    + MIN_KERNEL_MINOR + " or newer (pidfd_open, time namespaces)"))
                    .orElseGet(() -> Finding.warn(check, "unrecognised release '" + text + "'",
                            "make sure the kernel is " + MIN_KERNEL_MAJOR + "." + MIN_KERNEL_MINOR + " or newer"));
        } catch (IOException e) {
            return unreadable(check, osrelease, e);
        }
    }

    Finding namespaces() {
        String check = "namespaces";
        List<String> problems = new ArrayList<>();
        boolean onlyUser = true;
        for (Namespace ns : Namespace.values()) {
            String problem = namespaceProblem(ns);
            if (problem == null) continue;
            problems.add(problem);
            onlyUser &= ns == Namespace.USER;
        }
        if (problems.isEmpty()) {
            return Finding.ok(check, "all 8 types: " + String.join(" ",
                    Arrays.stream(Namespace.values()).map(Namespace::procName).toList()));
        }
        String found = String.join("; ", problems);
        if (onlyUser) {
            return Finding.warn(check, found, "none for the current labs (jlab never creates user namespaces)");
        }
        return Finding.fail(check, found,
                "use a kernel built with CONFIG_NAMESPACES and the CONFIG_*_NS of the missing types, "
                        + "and set user.max_*_namespaces above 0 (sysctl)");
    }

    /** Null when the type is there and allowed; otherwise what is wrong with it. */
    private String namespaceProblem(Namespace ns) {
        String name = ns.procName();
        if (!Files.exists(proc.resolve("self/ns").resolve(name), LinkOption.NOFOLLOW_LINKS)) {
            return name + ": missing";
        }
        Path max = proc.resolve("sys/user/max_" + name + "_namespaces");
        try {
            long limit = Long.parseLong(Files.readString(max).strip());
            return limit > 0 ? null : name + ": max_" + name + "_namespaces = " + limit;
        } catch (NoSuchFileException e) {
            return null; // older kernels have no limit file for some types
        } catch (IOException | NumberFormatException e) {
            return name + ": cannot read " + max;
        }
    }

    Finding overlayfs() {
        String check = "overlayfs";
        Path filesystems = proc.resolve("filesystems");
        try {
            boolean present = Files.readAllLines(filesystems).stream()
                    .map(l -> l.strip().split("\\s+"))
                    .anyMatch(fields -> fields[fields.length - 1].equals("overlay"));
            return present ? Finding.ok(check, "overlay in /proc/filesystems")
                    : Finding.warn(check, "overlay not in /proc/filesystems (module not loaded?)", "modprobe overlay");
        } catch (IOException e) {
            return unreadable(check, filesystems, e);
        }
    }

    Finding cgroups() {
        String check = "cgroups";
        Path mountinfo = proc.resolve("self/mountinfo");
        CgroupDetector.Layout layout;
        try {
            layout = CgroupDetector.detect(MountInfo.parse(Files.readString(mountinfo)), CgroupDetector.DEFAULT_ROOT);
        } catch (IOException e) {
            return unreadable(check, mountinfo, e);
        }
        List<String> v1 = List.copyOf(new TreeSet<>(layout.v1Mounts().keySet()));
        var available = new TreeSet<>(v1);
        String found = null;
        if (layout.version().isPresent()) {
            List<String> v2 = layout.cgroup2().map(Path::toString).map(this::cgroup2Controllers).orElse(List.of());
            available.addAll(v2);
            found = layout.label() + ": " + switch (layout.version().get()) {
                case V2 -> describe(v2);
                case V1 -> describe(v1) + layout.cgroup2().map(point -> "; cgroup2 at " + point + ": " + describe(v2)).orElse("");
            };
        }
        if (found == null) {
            return Finding.fail(check, "no cgroup file system under " + CgroupDetector.DEFAULT_ROOT,
                    "mount -t cgroup2 cgroup2 " + CgroupDetector.DEFAULT_ROOT);
        }
        List<String> missing = NEEDED_CONTROLLERS.stream().filter(c -> !available.contains(c)).toList();
        if (!missing.isEmpty()) {
            return Finding.warn(check, found + " (no " + String.join(", ", missing) + ")",
                    "the cgroups lab (planned) needs " + String.join(", ", NEEDED_CONTROLLERS)
                            + "; enable the missing controllers in the kernel or boot options");
        }
        return Finding.ok(check, found);
    }

    /** The controllers a cgroup2 mount offers, from its root's cgroup.controllers (empty if unreadable). */
    private List<String> cgroup2Controllers(String mountPoint) {
        Path sysPath = mountPoint.startsWith("/sys/") ? sys.resolve(mountPoint.substring("/sys/".length()))
                : Path.of(mountPoint);
        try {
            String text = Files.readString(sysPath.resolve("cgroup.controllers")).strip();
            return text.isEmpty() ? List.of() : List.of(text.split("\\s+"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String describe(List<String> controllers) {
        return controllers.isEmpty() ? "no controllers" : String.join(" ", controllers);
    }

    Finding busybox(Path busybox) {
        String check = "busybox-static";
        if (!Files.exists(busybox)) {
            return Finding.fail(check, busybox + " not found", INSTALL_BUSYBOX);
        }
        try {
            return switch (ElfLinkage.of(busybox)) {
                case STATIC -> Finding.ok(check, busybox + " (statically linked)");
                case DYNAMIC -> Finding.fail(check, busybox + " is dynamically linked",
                        INSTALL_BUSYBOX + " (the lab's root file system has no shared libraries)");
            };
        } catch (IOException e) {
            return Finding.fail(check, e.getMessage(), INSTALL_BUSYBOX);
        }
    }

    Finding java(Runtime.Version version) {
        String check = "JDK ≥ " + MIN_JAVA;
        return version.feature() >= MIN_JAVA ? Finding.ok(check, "Java " + version)
                : Finding.fail(check, "Java " + version, "install a JDK " + MIN_JAVA
                        + " (Debian 13: apt-get install openjdk-25-jdk-headless); ./jlab finds it by itself");
    }

    /**
     * How /proc of a new pid namespace gets mounted: with procfs's pidns option jlab mounts it itself,
     * otherwise a process inside the namespace does. Both work, so this is never a failure.
     */
    Finding procForPidNamespace(Optional<BooleanSupplier> probe) {
        String check = "/proc of a new pid ns";
        boolean pidns;
        try {
            pidns = probe.isPresent() ? probe.get().getAsBoolean() : kernelHasPidnsOption();
        } catch (RuntimeException e) {
            pidns = false;
        }
        return Finding.ok(check, "pidns mount option (6.18+): "
                + (pidns ? "yes → jlab mounts /proc itself" : "no → a process inside mounts it"));
    }

    /**
     * Whether the kernel reports fork, exec and exit to jlab through the netlink process-events connector
     * ({@code show events}); without it the labs still run, so a refusal is a warning.
     */
    Finding processEvents(Supplier<Optional<String>> probe) {
        String check = "process events";
        Optional<String> refusal;
        try {
            refusal = probe.get();
        } catch (RuntimeException e) {
            refusal = Optional.of("the process-events connector could not be opened: " + e.getMessage());
        }
        return refusal.map(why -> Finding.warn(check, why, "`show events` cannot replay the fork, exec and exit "
                        + "of a step's processes (the labs run without it); it needs root in the host's pid, user and "
                        + "network namespaces and a kernel with CONFIG_PROC_EVENTS"))
                .orElseGet(() -> Finding.ok(check, "netlink connector: PROC_CN_MCAST_LISTEN accepted → `show events` works"));
    }

    private boolean kernelHasPidnsOption() {
        try {
            return KernelRelease.parse(Files.readString(proc.resolve("sys/kernel/osrelease")))
                    .map(KernelRelease::procfsHasPidnsOption).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    private static Finding unreadable(String check, Path file, Exception e) {
        String found = e instanceof NoSuchFileException ? file + " does not exist"
                : "cannot read " + file + ": " + e.getMessage();
        return Finding.fail(check, found,
                "is /proc mounted? run jlab on the host, not in a restricted container");
    }
}
