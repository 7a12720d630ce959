package jlab.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jlab.inspect.InspectTarget;
import jlab.kernel.Namespace;
import jlab.proc.MountInfo;
import jlab.proc.NamespaceId;
import jlab.proc.ProcFs;
import jlab.sandbox.Sandbox;

/**
 * The container's live state as /proc shows it from the host: the namespaces of the container's thread
 * against the JVM's main thread (the host's), its mount table, its hostname. Checks, inspectors and live
 * quiz answers all read through here.
 */
final class ContainerView {
    private final Sandbox sandbox;
    private final ProcFs proc;
    private final int hostPid;
    private final String hostHostnameAtStart;
    private final LabCgroups cgroups;

    ContainerView(Sandbox sandbox, ProcFs proc, int hostPid, LabCgroups cgroups) {
        this.sandbox = sandbox;
        this.cgroups = cgroups;
        this.proc = proc;
        this.hostPid = hostPid;
        this.hostHostnameAtStart = hostHostname();
    }

    Sandbox sandbox() { return sandbox; }

    LabCgroups cgroups() { return cgroups; }

    InspectTarget target() {
        InspectTarget target = InspectTarget.host(proc, hostPid)
                .withContainerThread(sandbox.threadTid(), () -> Optional.of(sandbox.hostname()))
                .withNetworks(() -> sandbox.network().opened())
                .withXattrs(sandbox.xattrs());
        return sandbox.initPid().isPresent() ? target.withInit(sandbox.initPid().getAsInt()) : target;
    }

    String hostHostname() {
        return proc.hostname().orElse("?");
    }

    String hostHostnameAtStart() { return hostHostnameAtStart; }

    String containerHostname() { return sandbox.hostname(); }

    /** The namespace new processes of the container get (for pid: pid_for_children of its thread). */
    Optional<NamespaceId> containerNamespace(Namespace ns) {
        return proc.namespace(hostPid, sandbox.threadTid(), linkForChildren(ns));
    }

    Optional<NamespaceId> hostNamespace(Namespace ns) {
        return proc.namespace(hostPid, hostPid, ns.procName());
    }

    /**
     * Mount points as the container sees them: from its init (paths relative to the init's root, the
     * rootfs) or, before there is one, from its thread, with host paths mapped into the rootfs.
     */
    List<String[]> containerMounts() {
        var init = sandbox.initPid();
        if (init.isPresent()) {
            return proc.mountInfo(init.getAsInt()).stream().map(m -> new String[] {m.mountPoint(), m.fsType()}).toList();
        }
        String prefix = sandbox.rooted() ? "" : sandbox.rootfs().toString();
        return proc.mountInfo(hostPid, sandbox.threadTid()).stream()
                .filter(m -> prefix.isEmpty() || m.mountPoint().startsWith(prefix))
                .map(m -> new String[] {inside(m, prefix), m.fsType()}).toList();
    }

    /** The pid of a host process as its own (innermost) pid namespace numbers it: the last NSpid field. */
    Optional<Integer> innermostPid(int hostPid) {
        return proc.status(hostPid).map(s -> s.nsPids().getLast());
    }

    /** Host path through which jlab reads a file inside the container. */
    Path file(String containerPath) {
        var init = sandbox.initPid();
        if (init.isPresent() && sandbox.initRunning()) {
            sandbox.hostPath(containerPath); // refuses paths that climb out
            return proc.processDir(init.getAsInt()).resolve("root").resolve(containerPath.substring(1));
        }
        return sandbox.hostPath(containerPath);
    }

    /**
     * The container's overlay mounts: layer paths as jlab's thread named them (read through its root, which
     * is in the lab's mount namespace), shown as the container's init sees them.
     */
    jlab.fs.OverlayView overlays() {
        int tid = sandbox.threadTid();
        var init = sandbox.initPid();
        List<MountInfo> container = init.isPresent() && sandbox.initRunning() ? proc.mountInfo(init.getAsInt()) : List.of();
        return jlab.fs.OverlayView.of(proc.mountInfo(hostPid, tid), container,
                proc.taskDir(hostPid, tid).resolve("root"), sandbox.xattrs());
    }


    private static String inside(MountInfo m, String prefix) {
        String rest = m.mountPoint().substring(prefix.length());
        return rest.isEmpty() ? "/" : rest;
    }

    private static String linkForChildren(Namespace ns) {
        return switch (ns) {
            case PID -> "pid_for_children";
            case TIME -> "time_for_children";
            default -> ns.procName();
        };
    }
}
