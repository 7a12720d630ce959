package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.kernel.Errno;
import jlab.kernel.LoggingSyscalls;
import jlab.kernel.Namespace;
import jlab.kernel.SyscallException;
import jlab.kernel.SyscallLog;
import jlab.kernel.Syscalls;
import jlab.kernel.ffm.FfmSyscalls;
import jlab.ledger.KernelReleaser;
import jlab.ledger.Ledger;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.ProcessIdentity;
import jlab.net.Ipv4;
import jlab.net.Link;
import jlab.net.Rtnetlink;
import jlab.sandbox.LabNetwork.Place;

/**
 * Every rtnetlink operation against the real kernel, only ever inside namespaces the test creates: a "red"
 * thread that unshared CLONE_NEWNET stands in for the container. The host's links and mounts must be the
 * same afterwards, and no pin, mount or namespace may remain.
 */
@Tag("kernel")
class LabNetworkKernelTest {
    private static final Syscalls KERNEL = FfmSyscalls.instance();

    private String hostLinks;
    private String hostMounts;
    private Path base;
    private Ledger ledger;
    private KernelReleaser releaser;
    private ContainerThread red;
    private Path redNetns;
    private final SyscallLog log = new SyscallLog();

    @BeforeEach void setUp() throws Exception {
        assertThat(KERNEL.geteuid()).as("kernel tests run as root").isZero();
        hostLinks = run("ip", "-o", "link");
        hostMounts = jlab.HostMounts.text();
        base = Files.createTempDirectory("jlab-net-test");
        ledger = Ledger.open(base, ProcessIdentity.self(ProcStartTimes.system()));
        releaser = KernelReleaser.system(KERNEL);
        red = new ContainerThread("test-red", KERNEL);
        red.call(() -> { KERNEL.unshare(EnumSet.of(Namespace.NET)); return null; });
        redNetns = Path.of("/proc/" + KERNEL.getpid() + "/task/" + red.tid() + "/ns/net");
    }

    @AfterEach void nothingLeft() throws Exception {
        red.close();
        var report = ledger.teardown(releaser);
        assertThat(report.failures()).isEmpty();
        assertThat(run("ip", "-o", "link")).as("the host's links").isEqualTo(hostLinks);
        assertThat(jlab.HostMounts.text()).as("the host's mounts").isEqualTo(hostMounts);
        try (var left = Files.list(base)) {
            assertThat(left).as("session directories left").isEmpty();
        }
        Files.delete(base);
    }

    private LabNetwork network() {
        return new LabNetwork(new LoggingSyscalls(KERNEL, log), KERNEL, log, ledger, releaser, () -> redNetns);
    }

    @Test void buildsBridgeVethAddressesAndRouteAcrossNamespacesAndPings() throws Exception {
        Path hubPin;
        try (LabNetwork net = network()) {
            var subnet = net.subnet();
            Topology.build(net, List.of(Topology.Member.RED));
            Rtnetlink hub = net.in(Place.HUB), inRed = net.in(Place.RED);

            Link bridge = hub.link("br0").orElseThrow();
            Link hubEnd = hub.link("veth-red").orElseThrow();
            Link redEnd = inRed.link("eth0").orElseThrow();
            assertThat(bridge.kind()).isEqualTo("bridge");
            assertThat(hubEnd.kind()).isEqualTo("veth");
            assertThat(hubEnd.masterIndex()).isEqualTo(bridge.index());
            assertThat(hubEnd.peerIndex()).as("IFLA_LINK names the other end's index").isEqualTo(redEnd.index());
            assertThat(redEnd.up()).isTrue();
            Link lo = inRed.link("lo").orElseThrow();
            assertThat(lo.index()).as("lo is set up by its fixed index").isEqualTo(Rtnetlink.LOOPBACK_INDEX);
            assertThat(lo.up()).isTrue();
            assertThat(bridge.up()).isTrue();
            assertThat(hubEnd.up()).isTrue();
            assertThat(hub.link("eth0")).as("moved out of the hub").isEmpty();
            assertThat(inRed.addresses()).anyMatch(a -> a.cidr().equals(subnet.host(2) + "/24") && a.index() == redEnd.index());
            assertThat(hub.addresses()).anyMatch(a -> a.cidr().equals(subnet.host(1) + "/24"));
            assertThat(inRed.routes()).anyMatch(r -> r.isDefault() && r.gateway().equals(java.util.Optional.of(subnet.host(1))));

            hubPin = net.namespaceFile(Place.HUB);
            assertThat(jlab.HostMounts.text()).contains(hubPin.toString());
            String ping = run("nsenter", "--net=" + redNetns, "/bin/busybox", "ping", "-c", "1", "-W", "2", subnet.host(1).toString());
            assertThat(ping).contains("1 packets received");

            assertThat(log.all()).extracting(SyscallLog.Entry::toString)
                    .contains("unshare(CLONE_NEWNET) = 0")
                    .anyMatch(e -> e.startsWith("RTM_NEWLINK(NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE, ifname=\"br0\", kind=\"bridge\") = 0"));
        }
        assertThat(hubPin).doesNotExist();
        assertThat(ledger.live()).noneMatch(r -> r instanceof jlab.ledger.Resource.NetNamespace);
    }

    @Test void existingNameIsEexistWithTheRequestAndMissingLinkIsEnodev() {
        try (LabNetwork net = network()) {
            Rtnetlink hub = net.in(Place.HUB);
            hub.createBridge("br0");
            assertThatThrownBy(() -> hub.createBridge("br0")).isInstanceOfSatisfying(SyscallException.class, e -> {
                assertThat(e.errno().number()).isEqualTo(Errno.EEXIST);
                assertThat(e.call()).isEqualTo("RTM_NEWLINK");
                assertThat(e.args()).contains("ifname=\"br0\"", "kind=\"bridge\"");
            });
            assertThatThrownBy(() -> hub.setUp("nope", true)).isInstanceOfSatisfying(SyscallException.class,
                    e -> assertThat(e.errno().number()).isEqualTo(19));
            hub.createVeth("a", "b");
            hub.addAddress("a", Ipv4.parse("10.9.9.1"), 24);
            assertThatThrownBy(() -> hub.addAddress("a", Ipv4.parse("10.9.9.1"), 24))
                    .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.errno().number()).isEqualTo(Errno.EEXIST));
            hub.deleteAddress("a", Ipv4.parse("10.9.9.1"), 24);
            hub.deleteLink("b");
            assertThat(hub.links()).extracting(Link::name).containsExactlyInAnyOrder("lo", "br0");
            assertThat(log.all()).anyMatch(e -> e.failed() && e.toString().endsWith("= -1 EEXIST (File exists)"));
        }
    }

    @Test void missingNamespaceAndTheHostsNamespaceAreRefused() {
        Path missing = base.resolve("no-such-netns");
        try (LabNetwork net = new LabNetwork(KERNEL, KERNEL, null, ledger, releaser, () -> missing)) {
            assertThatThrownBy(() -> net.in(Place.RED)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no-such-netns");
        }
        Path host = Path.of("/proc/self/ns/net");
        try (LabNetwork net = new LabNetwork(KERNEL, KERNEL, null, ledger, releaser, () -> host)) {
            assertThatThrownBy(() -> net.in(Place.RED)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("machine's own network namespace");
            net.in(Place.HUB).createVeth("x", "y");
            assertThatThrownBy(() -> net.moveLink("y", Place.HUB, Place.RED)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("machine's own network namespace");
        }
        assertThatThrownBy(() -> jlab.net.NetlinkSocket.open(KERNEL, null)).as("a socket on the test's own (host) thread")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("machine's own network namespace");
    }

    @Test void openMakesSeveralNamespacesAtOnceEachPinnedAndCloseUnpinsThemAll() throws Exception {
        List<Path> pins;
        try (LabNetwork net = new LabNetwork(KERNEL, KERNEL, null, ledger, releaser, null)) {
            net.open(Place.HUB, Place.RED, Place.BLUE);
            pins = List.of(net.namespaceFile(Place.HUB), net.namespaceFile(Place.RED), net.namespaceFile(Place.BLUE));
            assertThat(pins.stream().map(p -> {
                try {
                    return Files.getAttribute(p, "unix:ino");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).distinct()).as("three different namespaces").hasSize(3);
            assertThat(ledger.live()).filteredOn(r -> r instanceof jlab.ledger.Resource.NetNamespace).hasSize(3);
            String mounts = Files.readString(Path.of("/proc/self/mountinfo"));
            pins.forEach(p -> assertThat(mounts).contains(p.toString()));
            for (Place place : Place.values()) {
                assertThat(net.in(place).links()).extracting(Link::name).as("a fresh namespace").containsExactly("lo");
            }
            net.open(Place.HUB, Place.BLUE); // already open: nothing new
            assertThat(ledger.live()).filteredOn(r -> r instanceof jlab.ledger.Resource.NetNamespace).hasSize(3);
        }
        pins.forEach(p -> assertThat(p).doesNotExist());
        assertThat(ledger.live()).noneMatch(r -> r instanceof jlab.ledger.Resource.NetNamespace);
    }

    @Test void twoSessionsHaveTheirOwnNamespaces() throws IOException {
        Ledger other = Ledger.open(base, ProcessIdentity.self(ProcStartTimes.system()));
        try (LabNetwork first = network();
             LabNetwork second = new LabNetwork(KERNEL, KERNEL, null, other, releaser, () -> redNetns)) {
            first.in(Place.HUB).createBridge("br0");
            second.in(Place.HUB).createBridge("br0");
            assertThat(first.namespaceFile(Place.HUB)).isNotEqualTo(second.namespaceFile(Place.HUB));
            assertThat(Files.getAttribute(first.namespaceFile(Place.HUB), "unix:ino"))
                    .isNotEqualTo(Files.getAttribute(second.namespaceFile(Place.HUB), "unix:ino"));
        } finally {
            assertThat(other.teardown(releaser).failures()).isEmpty();
        }
    }

    static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
