package jlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jlab.kernel.MountFlag;
import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.SpawnSpec;
import jlab.kernel.Syscalls;
import jlab.kernel.WaitStatus;
import jlab.ledger.KernelReleaser;
import jlab.ledger.Ledger;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.ProcessIdentity;
import jlab.ledger.Resource;
import jlab.net.IcmpPing;
import jlab.net.Ipv4;
import jlab.net.LabSubnet;
import jlab.sandbox.ContainerThread;
import jlab.sandbox.LabNetwork;
import jlab.sandbox.LabNetwork.Place;
import jlab.sandbox.Topology;
import jlab.sandbox.Topology.Member;

/**
 * The network lab's finished topology, start to finish: a hub namespace with bridge br0 (.1), red and blue
 * namespaces each joined to it by a veth pair, addresses, links up, default routes, one ping from red to
 * blue across the bridge, and teardown. jlab builds it over rtnetlink ({@link Topology#build}); the
 * reference is the same topology as a script of {@code ip} commands ({@code ip netns add}, {@code ip -n},
 * {@code ip netns exec ... ping}, {@code ip netns del}). Both ping up to three tries of a second: jlab with its
 * own ICMP echo over a raw socket opened in red ({@link IcmpPing}), the script with busybox ping.
 * <p>
 * The script runs in namespaces of its own, never the machine's: it is started from a thread that
 * unshared a network namespace (so a command without {@code -n} would hit a throwaway namespace) and a
 * mount namespace with a tmpfs on /run (so {@code ip netns add}'s /run/netns, its pins and the mount it
 * makes there vanish with the benchmark, even after kill -9). Each run uses new namespace names, and the
 * script deletes them on failure too.
 */
final class NetworkBench {
    static final String NAME_PREFIX = "jlab-bench-";
    private static final int PING_TRIES = 3;
    private static final String BUSYBOX = "/bin/busybox";
    private static final java.time.Duration PING_WAIT = java.time.Duration.ofSeconds(1);

    private final Syscalls kernel;
    private final Path ledgerBase;
    private int round;

    NetworkBench(Syscalls kernel, Path ledgerBase) {
        this.kernel = kernel;
        this.ledgerBase = ledgerBase;
    }

    Result run(int warmup, int runs) throws IOException {
        List<String> notes = new ArrayList<>();
        Ledger ledger = Ledger.open(ledgerBase, ProcessIdentity.self(ProcStartTimes.system()));
        KernelReleaser releaser = KernelReleaser.system(kernel);
        List<Samples> samples;
        ContainerThread scriptHost = null;
        Resource.Mount runTmpfs = new Resource.Mount(Path.of("/run"), false);
        try {
            LabSubnet subnet = LabSubnet.forSession(ledger.sessionId());
            List<Interleaved.Contender> contenders = new ArrayList<>();
            contenders.add(new Interleaved.Contender("jlab (rtnetlink)",
                    Interleaved.Trial.timed(() -> jlabTopology(ledger, releaser))));
            Optional<Path> ip = ContainerBench.executable("ip");
            if (ip.isPresent()) {
                scriptHost = scriptHost(ledger, runTmpfs);
                ContainerThread host = scriptHost;
                contenders.add(new Interleaved.Contender("ip script (iproute2)",
                        Interleaved.Trial.timed(() -> ipScript(host, ip.get(), subnet))));
            }
            samples = new ArrayList<>(Interleaved.run(warmup, runs, contenders));
            if (ip.isEmpty()) samples.add(Samples.unavailable("ip script (iproute2)", "ip not found (apt-get install iproute2)"));
        } finally {
            if (scriptHost != null) {
                scriptHost.close();
                ledger.released(runTmpfs);
            }
            var report = ledger.teardown(releaser);
            if (!report.clean()) notes.add("teardown left something, run `jlab cleanup`: " + String.join("; ",
                    report.failures().stream().map(jlab.ledger.TeardownReport.Failure::describe).toList()));
        }
        notes.add("same topology both ways: br0 in a hub namespace, red and blue on veth pairs, ping red -> blue"
                + " (jlab: its own ICMP echo on a raw socket; the script: ip netns exec ... busybox ping)");
        notes.add("the ip script is one /bin/sh running " + ipCommandCount() + " ip commands, each a process of its own");
        return new Result("network", "build the network lab's topology (3 netns, bridge, 2 veth pairs, addresses,"
                + " routes) + ping across the bridge + teardown", runs, warmup, samples,
                new Result.Target("ratio <= 0.2 (jlab at least 5x faster)", 0.2, true), List.of(), notes);
    }

    private void jlabTopology(Ledger ledger, KernelReleaser releaser) {
        try (LabNetwork net = new LabNetwork(kernel, kernel, null, ledger, releaser, null)) {
            Topology.build(net, List.of(Member.RED, Member.BLUE));
            pingFrom(net.namespaceFile(Place.RED), net.subnet().host(Member.BLUE.host()));
        }
    }

    /**
     * jlab's own ping: a raw ICMP socket opened by a short-lived thread that joined {@code netns} (the socket
     * stays there), one echo request at a time, up to three tries of a second each.
     */
    private void pingFrom(Path netns, Ipv4 target) {
        IcmpPing ping;
        try (ContainerThread thread = new ContainerThread("jlab-bench-ping", kernel)) {
            ping = thread.call(() -> {
                int fd = kernel.open(netns.toString(), EnumSet.of(OpenFlag.O_CLOEXEC));
                try {
                    kernel.setns(fd, Namespace.NET);
                } finally {
                    kernel.close(fd);
                }
                return IcmpPing.open(kernel);
            });
        }
        try (ping) {
            for (int i = 0; i < PING_TRIES; i++) {
                if (ping.echo(target, PING_WAIT)) return;
            }
        }
        throw new IllegalStateException("ping " + target + " from red: no echo reply in " + PING_TRIES + " tries");
    }

    /**
     * The thread the script is started from: its own network namespace, and its own mount namespace with
     * / private and a tmpfs on /run, both recorded in the ledger (they go when the thread ends).
     */
    private ContainerThread scriptHost(Ledger ledger, Resource.Mount runTmpfs) {
        ContainerThread thread = new ContainerThread("jlab-bench-ip", kernel);
        try {
            thread.call(() -> {
                kernel.unshare(EnumSet.of(Namespace.MOUNT, Namespace.NET));
                kernel.mount(null, "/", null, EnumSet.of(MountFlag.MS_REC, MountFlag.MS_PRIVATE), null);
                ledger.record(runTmpfs);
                kernel.mount("tmpfs", "/run", "tmpfs", EnumSet.noneOf(MountFlag.class), "mode=755");
                return null;
            });
            return thread;
        } catch (RuntimeException e) {
            thread.close();
            throw e;
        }
    }

    private void ipScript(ContainerThread host, Path ip, LabSubnet subnet) throws IOException {
        String prefix = NAME_PREFIX + ProcessHandle.current().pid() + "-" + round++;
        Path errors = Files.createTempFile(NAME_PREFIX + "ip-", ".log");
        try {
            int fd = kernel.open(errors.toString(), EnumSet.of(OpenFlag.O_WRONLY, OpenFlag.O_CLOEXEC));
            int pid;
            try {
                SpawnSpec spec = SpawnSpec.of("/bin/sh", List.of("sh", "-c", script(prefix, ip, subnet))).withOutput(fd, fd);
                pid = host.call(() -> kernel.spawn(spec));
            } finally {
                kernel.close(fd);
            }
            WaitStatus status = kernel.waitpid(pid, false);
            if (!(status instanceof WaitStatus.Exited e && e.code() == 0)) {
                String said = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new IllegalStateException("the ip script " + status.describe()
                        + (said.isEmpty() ? "" : ": " + said.lines().reduce((a, b) -> b).orElse("")));
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The {@code ip} commands that mirror {@link Topology#build} for red and blue, then ping and teardown. */
    static String script(String prefix, Path ip, LabSubnet subnet) {
        String hub = prefix + "-hub";
        List<String> all = List.of(hub, prefix + "-red", prefix + "-blue");
        String bridge = subnet.host(Topology.BRIDGE_HOST) + "/" + LabSubnet.PREFIX;
        List<String> lines = new ArrayList<>();
        lines.add("set -e");
        lines.add("done=0");
        lines.add("trap '[ $done = 1 ] || for n in " + String.join(" ", all) + "; do " + ip + " netns del $n 2>/dev/null; done' EXIT");
        for (String ns : all) lines.add(ip + " netns add " + ns);
        lines.add(ip + " -n " + hub + " link add " + Topology.BRIDGE + " type bridge");
        lines.add(ip + " -n " + hub + " addr add " + bridge + " dev " + Topology.BRIDGE);
        lines.add(ip + " -n " + hub + " link set " + Topology.BRIDGE + " up");
        for (Member m : List.of(Member.RED, Member.BLUE)) {
            String ns = prefix + "-" + m.name().toLowerCase(java.util.Locale.ROOT);
            lines.add(ip + " -n " + hub + " link add " + m.hubEnd() + " type veth peer name " + Topology.INSIDE + " netns " + ns);
            lines.add(ip + " -n " + hub + " link set " + m.hubEnd() + " master " + Topology.BRIDGE);
            lines.add(ip + " -n " + hub + " link set " + m.hubEnd() + " up");
            lines.add(ip + " -n " + ns + " link set lo up");
            lines.add(ip + " -n " + ns + " addr add " + subnet.host(m.host()) + "/" + LabSubnet.PREFIX + " dev " + Topology.INSIDE);
            lines.add(ip + " -n " + ns + " link set " + Topology.INSIDE + " up");
            lines.add(ip + " -n " + ns + " route add default via " + subnet.host(Topology.BRIDGE_HOST));
        }
        String ping = ip + " netns exec " + prefix + "-red " + BUSYBOX + " ping -c 1 -W 1 " + subnet.host(Member.BLUE.host()) + " >/dev/null";
        lines.add(String.join(" || ", java.util.Collections.nCopies(PING_TRIES, ping)));
        for (String ns : all) lines.add(ip + " netns del " + ns);
        lines.add("done=1");
        return String.join("\n", lines) + "\n";
    }

    /** How many ip processes the script starts when the first ping answers (the tries share a line). */
    static long ipCommandCount() {
        return script("x", Path.of("ip"), LabSubnet.forSession("x")).lines().filter(l -> l.startsWith("ip ")).count();
    }
}
