package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.engine.LabSession;
import jlab.inspect.Annotation;

/**
 * The network lab on the real kernel: after its steps and a reset, after closing, and with two sessions at
 * once, no network namespace (and so no veth or bridge in it), pin, mount or directory is left, and the
 * machine's own links are untouched.
 */
@Tag("kernel")
class NetworkLabResidueKernelTest {
    private static final int ADDRESS_STEP = 4, BLUE_STEP = 6;

    @Test void stepsThenResetThenCloseLeaveNoNamespaceLinkOrMount() throws Exception {
        assertThat(Privileges.root()).as("kernel tests run as root").isTrue();
        List<String> hostLinks = hostLinks();
        Path base = Files.createTempDirectory("jlab-net-reset-test");
        try (LabSession session = new LabLibrary(JlabHome.find(), m -> { }, base).start("network")) {
            assertThat(session.goTo(BLUE_STEP).step().id()).isEqualTo("blue");
            assertThat(links(session.show("net"))).contains("hub/br0", "hub/veth-red", "hub/veth-blue", "red/eth0", "blue/eth0");
            var held = NetnsResidue.held(base);
            assertThat(held).as("hub, red (the container's) and blue: " + held).hasSize(3);

            session.reset();

            held = NetnsResidue.held(base);
            assertThat(held).as("only the rebuilt sandbox's three: " + held).hasSize(3);
            assertThat(links(session.show("net"))).contains("hub/br0", "red/eth0", "blue/eth0");
        }
        assertThat(NetnsResidue.held(base)).as("after close").isEmpty();
        assertNothingLeft(base, hostLinks);
    }

    @Test void anExtraAddressBesidesTheRightOneKeepsTheAddressTaskRedUntilItIsRemoved() throws Exception {
        assertThat(Privileges.root()).as("kernel tests run as root").isTrue();
        List<String> hostLinks = hostLinks();
        Path base = Files.createTempDirectory("jlab-net-extra-address");
        try (LabSession session = new LabLibrary(JlabHome.find(), m -> { }, base).start("network")) {
            session.goTo(ADDRESS_STEP);
            String bridge = bridgeAddress(session); // e.g. 10.205.117.1/24
            String prefix = bridge.substring(0, bridge.lastIndexOf('.') + 1);
            String stray = prefix + "3/16";
            for (List<String> argv : List.of(List.of("ip", "addr", "add", stray, "dev", "eth0"),
                    List.of("ip", "addr", "add", prefix + "2/24", "dev", "eth0"), List.of("ip", "link", "set", "eth0", "up"))) {
                session.exec(argv, line -> { });
            }
            var address = session.check().results().stream().filter(r -> r.description().startsWith("eth0 in red has the address"))
                    .findFirst().orElseThrow();
            assertThat(address.passed()).as("a stray " + stray + " would answer for blue's .3 later").isFalse();
            assertThat(address.reason()).isEqualTo("extra-address");
            assertThat(address.detail()).contains(prefix + "2/24", stray);
            session.exec(List.of("ip", "addr", "del", stray, "dev", "eth0"), line -> { });
            assertThat(session.check().passed()).as("only .2/24 left, and the bridge answers ping").isTrue();
        }
        assertNothingLeft(base, hostLinks);
    }

    @Test void twoSessionsAtOnceKeepApartPingWithinThemselvesAndBothCleanUp() throws Exception {
        assertThat(Privileges.root()).as("kernel tests run as root").isTrue();
        List<String> hostLinks = hostLinks();
        Path baseA = Files.createTempDirectory("jlab-net-two-a"), baseB = Files.createTempDirectory("jlab-net-two-b");
        LabSession a = new LabLibrary(JlabHome.find(), m -> { }, baseA).start("network");
        LabSession b = null;
        try {
            b = new LabLibrary(JlabHome.find(), m -> { }, baseB).start("network");
            for (LabSession s : List.of(a, b)) {
                s.goTo(ADDRESS_STEP);
                var solved = s.solve();
                assertThat(solved.checks().passed()).as("the address task, ping included: " + solved.checks()).isTrue();
                s.goTo(BLUE_STEP);
            }
            assertThat(NetnsResidue.held(baseA, baseB)).as("three namespaces each").hasSize(6);
            assertThat(bridgeAddress(a)).as("each session its own subnet").isNotEqualTo(bridgeAddress(b));

            a.close();
            var held = NetnsResidue.held(baseA, baseB);
            assertThat(held).as("only b's, while b still runs: " + held).hasSize(3);
            assertThat(held.values()).flatMap(l -> l).noneMatch(how -> how.contains(baseA.toString()));
            b.goTo(ADDRESS_STEP);
            assertThat(b.check().passed()).as("b still pings after a is gone").isTrue();
            b.close();
            assertThat(NetnsResidue.held(baseA, baseB)).isEmpty();
        } finally {
            a.close();
            if (b != null) b.close();
        }
        assertNothingLeft(baseA, hostLinks);
        assertNothingLeft(baseB, hostLinks);
    }

    static List<String> links(Annotation net) {
        return net.rows().stream().map(r -> r.cells().get(0) + "/" + r.cells().get(2)).toList();
    }

    private static String bridgeAddress(LabSession s) {
        return s.show("net").rows().stream().filter(r -> r.cells().get(2).equals("br0")).map(r -> r.cells().get(8))
                .findFirst().orElseThrow();
    }

    static List<String> hostLinks() throws IOException {
        try (var links = Files.list(Path.of("/sys/class/net"))) {
            return links.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertNothingLeft(Path base, List<String> hostLinks) throws IOException {
        try (var left = Files.list(base)) {
            assertThat(left).as("session directories (and the pins in them) under " + base).isEmpty();
        }
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo"))).as("mounts under " + base)
                .noneMatch(l -> l.contains(base.toString()));
        assertThat(hostLinks()).as("the machine's own links").isEqualTo(hostLinks);
        Files.delete(base);
    }
}
