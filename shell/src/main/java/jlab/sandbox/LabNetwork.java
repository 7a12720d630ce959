package jlab.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import jlab.kernel.MountFlag;
import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.SyscallLog;
import jlab.kernel.Syscalls;
import jlab.ledger.Ledger;
import jlab.ledger.Releaser;
import jlab.ledger.Resource;
import jlab.net.HostNetns;
import jlab.net.LabSubnet;
import jlab.net.NetlinkSocket;
import jlab.net.Rtnetlink;

/**
 * The network namespaces of one lab session and an rtnetlink client in each. {@link Place#HUB} stands in
 * for "the host" of the classic exercise, where the bridge lives: a namespace jlab creates, so the
 * machine's own network is never touched. {@link Place#BLUE} is a second, bare namespace; {@link Place#RED}
 * is the container's. HUB and BLUE are made on first use by a short-lived platform thread that unshares
 * CLONE_NEWNET, pins the new namespace by bind-mounting its nsfs file under the session directory (what
 * {@code ip netns add} does; recorded in the ledger before), opens a netlink socket there and ends: the pin
 * and the socket keep the namespace. {@link #open} makes several at once, one thread each (copy_net_ns
 * holds pernet_ops_rwsem only for reading, so they overlap). RED's client is opened by the helper thread after
 * setns into the container's namespace. A netlink socket stays in the namespace it was opened in, whatever
 * thread uses it. Teardown unpins all namespaces at once, one thread each, because each umount waits for an
 * RCU grace period and concurrent waits overlap.
 */
public final class LabNetwork implements AutoCloseable {

    public enum Place { HUB, RED, BLUE }

    private final Syscalls kernel;
    private final Syscalls quiet;
    private final SyscallLog log;
    private final Ledger ledger;
    private final Releaser releaser;
    private final Supplier<Path> redNetns;
    private final LabSubnet subnet;
    private final Map<Place, Rtnetlink> clients = new EnumMap<>(Place.class);
    private final Map<Place, Path> pins = new EnumMap<>(Place.class);
    private ContainerThread helper;
    private boolean closed;

    /**
     * @param redNetns the container's network namespace file, asked for when RED is first used; it must
     *                 not be the host's (checked). Null: RED is a bare namespace made like BLUE (tests, benchmark)
     * @param log      where each rtnetlink request goes, decoded; may be null
     */
    public LabNetwork(Syscalls kernel, Syscalls quiet, SyscallLog log, Ledger ledger, Releaser releaser, Supplier<Path> redNetns) {
        this.kernel = kernel;
        this.quiet = quiet;
        this.log = log;
        this.ledger = ledger;
        this.releaser = releaser;
        this.redNetns = redNetns;
        this.subnet = LabSubnet.forSession(ledger.sessionId());
    }

    public LabSubnet subnet() { return subnet; }

    /** The rtnetlink client of {@code place}, creating its namespace (HUB, BLUE) on first use. */
    public synchronized Rtnetlink in(Place place) {
        if (closed) throw new SandboxException("the lab's network was torn down");
        Rtnetlink client = clients.get(place);
        if (client != null) return client;
        client = new Rtnetlink(place == Place.RED && redNetns != null ? joinRed() : createNamespace(place));
        clients.put(place, client);
        return client;
    }

    /**
     * Makes the namespaces of {@code places} that are not open yet at once, one short-lived platform thread
     * each; a RED that is the container's is joined as in {@link #in}. Every namespace made is kept (and
     * unpinned by {@link #close}) even when another failed; the first failure is then thrown.
     */
    public synchronized void open(Place... places) {
        if (closed) throw new SandboxException("the lab's network was torn down");
        List<Place> missing = new ArrayList<>();
        for (Place place : places) {
            if (clients.containsKey(place) || missing.contains(place)) continue;
            if (place == Place.RED && redNetns != null) in(place);
            else missing.add(place);
        }
        if (missing.size() == 1) in(missing.getFirst());
        if (missing.size() <= 1) return;
        // Each thread unshares at once while the pins go to the ledger in one write (one force to disk);
        // it pins only once that write is done. A namespace not yet pinned lives only as long as its
        // thread: nothing to clean up if the write fails. Each pin is then ours to unpin in close(), made
        // or not (an unmade one is "not mounted" there).
        var recorded = new CompletableFuture<Void>();
        List<CompletableFuture<NetlinkSocket>> made = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Place place : missing) {
            var result = new CompletableFuture<NetlinkSocket>();
            made.add(result);
            threads.add(Thread.ofPlatform().name("jlab-netns-" + place.name().toLowerCase(java.util.Locale.ROOT)).start(() -> {
                try {
                    kernel.unshare(EnumSet.of(Namespace.NET));
                    recorded.join();
                    result.complete(pinHere(place, false));
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                }
            }));
        }
        try {
            List<Resource.NetNamespace> records = new ArrayList<>();
            for (Place place : missing) records.add(new Resource.NetNamespace(pinOf(place)));
            ledger.recordAll(records);
            synchronized (pins) {
                for (Place place : missing) pins.put(place, pinOf(place));
            }
            recorded.complete(null);
        } catch (Throwable t) {
            recorded.completeExceptionally(t);
        }
        ContainerThread.joinUninterruptibly(threads);
        RuntimeException failure = null;
        for (int i = 0; i < missing.size(); i++) {
            try {
                clients.put(missing.get(i), new Rtnetlink(made.get(i).join()));
            } catch (CompletionException e) {
                if (failure == null) failure = e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (failure != null) throw failure;
    }

    /** The clients opened so far, in HUB, RED, BLUE order: what the `net` inspector reads. */
    public synchronized Map<String, Rtnetlink> opened() {
        Map<String, Rtnetlink> opened = new LinkedHashMap<>();
        clients.forEach((place, client) -> opened.put(place.name().toLowerCase(java.util.Locale.ROOT), client));
        return opened;
    }

    /** The nsfs file of {@code place}'s namespace (a pin or /proc/.../ns/net), never the host's. */
    public synchronized Path namespaceFile(Place place) {
        in(place);
        Path file = pins.containsKey(place) ? pins.get(place) : redNetns.get();
        HostNetns.refuse(file, "use a network namespace");
        return file;
    }

    /** {@code ip link set LINK netns TO}: moves a link from {@code from} into {@code to}'s namespace. */
    public void moveLink(String link, Place from, Place to) {
        Rtnetlink source = in(from);
        Path target = namespaceFile(to);
        int fd = quiet.open(target.toString(), EnumSet.of(OpenFlag.O_CLOEXEC));
        try {
            source.moveToNamespace(link, fd);
        } finally {
            quiet.close(fd);
        }
    }

    /**
     * {@code ip link add NAME type veth peer name PEER netns TO}, sent in {@code where}: the peer is created
     * straight in {@code to}'s namespace, which spares the kernel a move (and the RCU grace period it waits for).
     */
    public void createVeth(Place where, String name, String peer, Place to) {
        Rtnetlink source = in(where);
        Path target = namespaceFile(to);
        int fd = quiet.open(target.toString(), EnumSet.of(OpenFlag.O_CLOEXEC));
        try {
            source.createVeth(name, peer, fd);
        } finally {
            quiet.close(fd);
        }
    }

    private ContainerThread helper() {
        if (helper == null) helper = new ContainerThread("jlab-net-" + ledger.sessionId(), quiet);
        return helper;
    }

    /** {@link #createNamespaceHere} on a short-lived platform thread of its own. */
    private NetlinkSocket createNamespace(Place place) {
        var result = new CompletableFuture<NetlinkSocket>();
        Thread thread = Thread.ofPlatform().name("jlab-netns-" + place.name().toLowerCase(java.util.Locale.ROOT)).start(() -> {
            try {
                result.complete(createNamespaceHere(place, true));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        ContainerThread.joinUninterruptibly(List.of(thread));
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * unshare(CLONE_NEWNET) on the calling thread (one that ends right after: it never returns to the
     * host's namespace), then {@link #pinHere}.
     */
    private NetlinkSocket createNamespaceHere(Place place, boolean record) throws java.io.IOException {
        kernel.unshare(EnumSet.of(Namespace.NET));
        return pinHere(place, record);
    }

    /**
     * Pins the calling thread's network namespace (recorded first, here when {@code record}, else by the
     * caller) and opens a socket in it. The pin is noted before the socket opens, so a failure there still
     * leaves it to {@link #close}.
     */
    private NetlinkSocket pinHere(Place place, boolean record) throws java.io.IOException {
        Path pin = pinOf(place);
        if (record) ledger.record(new Resource.NetNamespace(pin));
        Files.createFile(pin);
        String self = "/proc/" + quiet.getpid() + "/task/" + quiet.gettid() + "/ns/net";
        kernel.mount(self, pin.toString(), null, EnumSet.of(MountFlag.MS_BIND), null);
        synchronized (pins) {
            pins.put(place, pin);
        }
        return NetlinkSocket.open(quiet, log);
    }

    private Path pinOf(Place place) {
        return ledger.sessionDir().resolve("netns-" + place.name().toLowerCase(java.util.Locale.ROOT));
    }


    /** setns into the container's network namespace on the helper thread and open a socket there. */
    private NetlinkSocket joinRed() {
        Path file = redNetns.get();
        HostNetns.refuse(file, "join the container's network namespace");
        return helper().call(() -> {
            int fd = quiet.open(file.toString(), EnumSet.of(OpenFlag.O_CLOEXEC));
            try {
                kernel.setns(fd, Namespace.NET);
            } finally {
                quiet.close(fd);
            }
            return NetlinkSocket.open(quiet, log);
        });
    }

    /**
     * Closes the sockets, ends the helper thread and unpins the namespaces, all at once, one short-lived
     * platform thread each (each umount waits for an RCU grace period; concurrent waits overlap): with
     * nothing left in them the namespaces go, and every link in them (veth ends across namespaces included)
     * with them.
     */
    @Override public synchronized void close() {
        if (closed) return;
        closed = true;
        clients.values().forEach(Rtnetlink::close);
        clients.clear();
        if (helper != null) helper.close();
        List<Thread> threads = new ArrayList<>();
        List<Resource> released = java.util.Collections.synchronizedList(new ArrayList<>());
        synchronized (pins) {
            for (Path pin : pins.values()) {
                Runnable unpin = () -> {
                    var resource = new Resource.NetNamespace(pin);
                    try {
                        releaser.release(resource);
                        released.add(resource);
                    } catch (RuntimeException e) {
                        // stays live in the ledger: the session's teardown or `jlab cleanup` retries and reports it
                    }
                };
                if (pins.size() == 1) unpin.run();
                else threads.add(Thread.ofPlatform().name("jlab-unpin").start(unpin));
            }
            ContainerThread.joinUninterruptibly(threads);
            pins.clear();
        }
        ledger.releasedAll(List.copyOf(released)); // one write, one force to disk
    }

}
