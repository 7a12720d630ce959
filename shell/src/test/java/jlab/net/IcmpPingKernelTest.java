package jlab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.kernel.Namespace;
import jlab.kernel.OpenFlag;
import jlab.kernel.Syscalls;
import jlab.kernel.ffm.FfmSyscalls;
import jlab.ledger.KernelReleaser;
import jlab.ledger.Ledger;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.ProcessIdentity;
import jlab.sandbox.ContainerThread;
import jlab.sandbox.LabNetwork;
import jlab.sandbox.LabNetwork.Place;

/**
 * jlab's own ping on the real kernel, only inside namespaces the test creates: red and blue, joined by a
 * veth pair the test makes, each end with an address. The host's mounts must be the same afterwards.
 */
@Tag("kernel")
class IcmpPingKernelTest {
    private static final Syscalls KERNEL = FfmSyscalls.instance();

    private String hostMounts;
    private Path base;
    private Ledger ledger;
    private KernelReleaser releaser;

    @BeforeEach void setUp() throws Exception {
        assertThat(KERNEL.geteuid()).as("kernel tests run as root").isZero();
        hostMounts = jlab.HostMounts.text();
        base = Files.createTempDirectory("jlab-icmp-test");
        ledger = Ledger.open(base, ProcessIdentity.self(ProcStartTimes.system()));
        releaser = KernelReleaser.system(KERNEL);
    }

    @AfterEach void nothingLeft() throws Exception {
        assertThat(ledger.teardown(releaser).failures()).isEmpty();
        assertThat(jlab.HostMounts.text()).as("the host's mounts").isEqualTo(hostMounts);
        try (var left = Files.list(base)) {
            assertThat(left).as("session directories left").isEmpty();
        }
        Files.delete(base);
    }

    @Test void echoFromOneNamespaceIsAnsweredFromTheOtherAcrossAVethPair() {
        try (LabNetwork net = new LabNetwork(KERNEL, KERNEL, null, ledger, releaser, null)) {
            Ipv4 red = net.subnet().host(2), blue = net.subnet().host(3), nobody = net.subnet().host(9);
            net.open(Place.RED, Place.BLUE);
            net.createVeth(Place.RED, "eth0", "eth0", Place.BLUE);
            for (Place place : new Place[] {Place.RED, Place.BLUE}) {
                Rtnetlink inside = net.in(place);
                inside.addAddress("eth0", place == Place.RED ? red : blue, LabSubnet.PREFIX);
                inside.setUp("eth0", true);
            }
            try (IcmpPing ping = openIn(net.namespaceFile(Place.RED))) {
                boolean answered = false;
                for (int i = 0; i < 3 && !answered; i++) answered = ping.echo(blue, Duration.ofSeconds(2));
                assertThat(answered).as("blue answers red's echo request").isTrue();
                assertThat(ping.echo(blue, Duration.ofSeconds(2))).as("and the next one, a new sequence number").isTrue();
                assertThat(ping.echo(nobody, Duration.ofMillis(300))).as("no one has " + nobody).isFalse();
            }
        }
    }

    @Test void refusesTheMachinesOwnNamespace() {
        assertThatThrownBy(() -> IcmpPing.open(KERNEL)).as("on the test's own (host) thread")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("machine's own network namespace");
    }

    /** The socket is opened by a thread that joined {@code netns}; it stays there when the thread ends. */
    private static IcmpPing openIn(Path netns) {
        try (ContainerThread thread = new ContainerThread("test-icmp", KERNEL)) {
            return thread.call(() -> {
                int fd = KERNEL.open(netns.toString(), EnumSet.of(OpenFlag.O_CLOEXEC));
                try {
                    KERNEL.setns(fd, Namespace.NET);
                } finally {
                    KERNEL.close(fd);
                }
                return IcmpPing.open(KERNEL);
            });
        }
    }
}
