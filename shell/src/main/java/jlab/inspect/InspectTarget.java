package jlab.inspect;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import jlab.proc.NamespaceId;
import jlab.proc.ProcFs;

/**
 * Whose state the inspectors read. The host is the JVM's main thread ({@code /proc/HOSTPID/task/HOSTPID}),
 * the container is the dedicated thread that did unshare/chroot ({@code containerTid}, a kernel tid of the
 * same process) and, once spawned, the container's init ({@code initPid}, a host pid).
 * {@code containerHostname} asks the container thread for its hostname: /proc cannot show another
 * thread's UTS name. Build a fresh target after each step: tids and pids appear and go.
 */
public record InspectTarget(ProcFs proc, int hostPid, OptionalInt containerTid, OptionalInt initPid,
                            Supplier<Optional<String>> containerHostname,
                            Supplier<Map<String, jlab.net.Rtnetlink>> networks, jlab.fs.Xattrs xattrs) {

    /** Without the lab's network namespaces, and no extended attributes to read. */
    public InspectTarget(ProcFs proc, int hostPid, OptionalInt containerTid, OptionalInt initPid,
                         Supplier<Optional<String>> containerHostname) {
        this(proc, hostPid, containerTid, initPid, containerHostname, Map::of, jlab.fs.Xattrs.NONE);
    }

    /** How overlay markers (trusted.overlay.opaque) are read: through the caller's kernel, never a global one. */
    public InspectTarget withXattrs(jlab.fs.Xattrs reader) {
        return new InspectTarget(proc, hostPid, containerTid, initPid, containerHostname, networks, reader);
    }

    /**
     * The lab's network namespaces by name (hub, red, blue), each with an rtnetlink client to dump it;
     * only those the lab has used so far.
     */
    public InspectTarget withNetworks(Supplier<Map<String, jlab.net.Rtnetlink>> networks) {
        return new InspectTarget(proc, hostPid, containerTid, initPid, containerHostname, networks, xattrs);
    }

    /** No container yet: only the host view. */
    public static InspectTarget host(ProcFs proc, int hostPid) {
        return new InspectTarget(proc, hostPid, OptionalInt.empty(), OptionalInt.empty(), Optional::empty);
    }

    /** This JVM on the real /proc, no container. */
    public static InspectTarget thisJvm() {
        return host(new ProcFs(), (int) ProcessHandle.current().pid());
    }

    public InspectTarget withContainerThread(int tid, Supplier<Optional<String>> hostname) {
        return new InspectTarget(proc, hostPid, OptionalInt.of(tid), initPid, hostname, networks, xattrs);
    }

    public InspectTarget withInit(int pid) {
        return new InspectTarget(proc, hostPid, containerTid, OptionalInt.of(pid), containerHostname, networks, xattrs);
    }

    public boolean hasContainer() {
        return containerTid.isPresent() || initPid.isPresent();
    }

    /** The namespaces of the JVM's main thread. */
    public Map<String, NamespaceId> hostNamespaces() {
        return proc.namespaces(hostPid, hostPid);
    }

    /** One ns link of the JVM's main thread. */
    public Optional<NamespaceId> hostNamespace(String link) {
        return proc.namespace(hostPid, hostPid, link);
    }
}
