package jlab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The encoder and decoder against bytes captured on this machine with
 * {@code unshare --net strace -e trace=sendmsg -e write=3 ip ...} (iproute2 6.1, kernel 6.18, x86_64):
 * jlab's requests are byte for byte what ip sends, and the kernel's answers decode.
 */
class NetlinkCodecTest {
    /** iproute2's sequence number in the capture: 0x6b0449c9. */
    private static final int SEQ = 0x6b0449c9;

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }

    /** A request as ip sends it: with NLM_F_ACK and ip's sequence number. */
    private static byte[] asSent(Message request) {
        return NetlinkCodec.encode(new Message(request.type(), request.flags() | Rtnl.NLM_F_ACK, SEQ, 0, request.body()));
    }

    @Test void vethPairIsWhatIpLinkAddSends() {
        // ip link add vA type veth peer name vB
        byte[] captured = hex("""
                54 00 00 00 10 00 05 06  c9 49 04 6b 00 00 00 00
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                07 00 03 00 76 41 00 00  2c 00 12 00 08 00 01 00
                76 65 74 68 20 00 02 00  1c 00 01 00 00 00 00 00
                00 00 00 00 00 00 00 00  00 00 00 00 07 00 03 00
                76 42 00 00""");
        assertThat(asSent(Requests.newVeth("vA", "vB", -1))).isEqualTo(captured);
    }

    @Test void bridgeIsWhatIpLinkAddSends() {
        // ip link add br0 type bridge
        byte[] captured = hex("""
                38 00 00 00 10 00 05 06  c9 49 04 6b 00 00 00 00
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                08 00 03 00 62 72 30 00  10 00 12 00 0a 00 01 00
                62 72 69 64 67 65 00 00""");
        assertThat(asSent(Requests.newBridge("br0"))).isEqualTo(captured);
    }

    @Test void addressIsWhatIpAddrAddSends() {
        // ip addr add 10.1.2.1/24 dev br0 (br0 had index 4)
        byte[] captured = hex("""
                28 00 00 00 14 00 05 06  c9 49 04 6b 00 00 00 00
                02 18 00 00 04 00 00 00  08 00 02 00 0a 01 02 01
                08 00 01 00 0a 01 02 01""");
        assertThat(asSent(Requests.address(true, 4, Ipv4.parse("10.1.2.1"), 24))).isEqualTo(captured);
    }

    @Test void defaultRouteIsWhatIpRouteReplaceSends() {
        // ip route replace default via 10.1.2.254 (strace: NLM_F_REQUEST|NLM_F_ACK|NLM_F_REPLACE|NLM_F_CREATE)
        byte[] captured = hex("""
                24 00 00 00 18 00 05 05  c9 49 04 6b 00 00 00 00
                02 00 00 00 fe 03 00 01  00 00 00 00 08 00 05 00
                0a 01 02 fe""");
        assertThat(asSent(Requests.defaultRoute(Ipv4.parse("10.1.2.254")))).isEqualTo(captured);
    }

    @Test void masterAndUpAreWhatIpLinkSetSends() {
        // ip link set vA master br0 (vA index 3, br0 index 4); ip link set vB up (vB index 2)
        byte[] master = hex("""
                28 00 00 00 10 00 05 00  c9 49 04 6b 00 00 00 00
                00 00 00 00 03 00 00 00  00 00 00 00 00 00 00 00
                08 00 0a 00 04 00 00 00""");
        byte[] up = hex("""
                20 00 00 00 10 00 05 00  c9 49 04 6b 00 00 00 00
                00 00 00 00 02 00 00 00  01 00 00 00 01 00 00 00""");
        assertThat(asSent(Requests.setMaster(3, 4))).isEqualTo(master);
        assertThat(asSent(Requests.setUp(2, true))).isEqualTo(up);
    }

    @Test void vethRequestDecodesBackToItsNestedAttributes() {
        Message decoded = NetlinkCodec.decode(asSent(Requests.newVeth("vA", "vB", 7))).getFirst();
        assertThat(decoded.seq()).isEqualTo(SEQ);
        assertThat(decoded.flags()).isEqualTo(Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_EXCL);
        List<Attr> info = Attr.find(decoded.attrs(), Rtnl.IFLA_LINKINFO).orElseThrow().children();
        assertThat(Attr.find(info, Rtnl.IFLA_INFO_KIND).orElseThrow().asString()).isEqualTo("veth");
        Attr peer = Attr.find(Attr.find(info, Rtnl.IFLA_INFO_DATA).orElseThrow().children(), Rtnl.VETH_INFO_PEER).orElseThrow();
        var peerInfo = NetlinkCodec.decodeIfInfo(java.nio.ByteBuffer.wrap(peer.payload()));
        assertThat(Attr.find(peerInfo.attrs(), Rtnl.IFLA_IFNAME).orElseThrow().asString()).isEqualTo("vB");
        assertThat(Attr.find(peerInfo.attrs(), Rtnl.IFLA_NET_NS_FD).orElseThrow().asU32()).isEqualTo(7);
        assertThat(MessageText.describe(decoded)).isEqualTo("RTM_NEWLINK(NLM_F_REQUEST|NLM_F_ACK|NLM_F_EXCL|NLM_F_CREATE,"
                + " ifname=\"vA\", kind=\"veth\", peer={ifname=\"vB\", net_ns_fd=7})");
    }

    @Test void errorAnswerCarriesErrnoAndTheRequestHeader() {
        // the kernel's answer to the veth request when vA already existed: -EEXIST, the request echoed
        byte[] reply = hex("""
                68 00 00 00 02 00 00 00  c9 49 04 6b dd 67 00 00
                ef ff ff ff 54 00 00 00  10 00 05 06 c9 49 04 6b
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                00 00 00 00 07 00 03 00  76 41 00 00 2c 00 12 00
                08 00 01 00 76 65 74 68  20 00 02 00 1c 00 01 00
                00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00
                07 00 03 00 76 42 00 00""");
        List<Message> messages = NetlinkCodec.decode(reply);
        assertThat(messages).hasSize(1);
        assertThat(messages.getFirst().pid()).isEqualTo(0x67dd);
        assertThat(messages.getFirst().body()).isEqualTo(new Message.Error(-17, Rtnl.RTM_NEWLINK, 0x0605, SEQ));
    }

    @Test void addressDumpAnswerAndDoneDecodeFromOneBuffer() {
        // ip -4 addr show lo after ip addr add 10.1.2.1/24 dev lo: one RTM_NEWADDR, then NLMSG_DONE
        byte[] dump = hex("""
                4c 00 00 00 14 00 22 00  cd 49 04 6b 1f 68 00 00
                02 18 80 00 01 00 00 00  08 00 01 00 0a 01 02 01
                08 00 02 00 0a 01 02 01  07 00 03 00 6c 6f 00 00
                08 00 08 00 80 00 00 00  14 00 06 00 ff ff ff ff
                ff ff ff ff ec 6f 04 00  ec 6f 04 00
                14 00 00 00 03 00 22 00  cd 49 04 6b 1f 68 00 00
                00 00 00 00""");
        List<Message> messages = NetlinkCodec.decode(dump);
        assertThat(messages).extracting(Message::type).containsExactly(Rtnl.RTM_NEWADDR, Rtnl.NLMSG_DONE);
        assertThat(messages.getFirst().flags() & Rtnl.NLM_F_MULTI).isNotZero();
        Address address = Address.from(messages.getFirst());
        assertThat(address).isEqualTo(new Address(1, Ipv4.parse("10.1.2.1"), 24, "lo"));
        assertThat(address.cidr()).isEqualTo("10.1.2.1/24");
        assertThat(messages.get(1).body()).isInstanceOf(Message.Done.class);
    }

    @Test void linkMessageBecomesALinkWithPeerMasterAndMac() {
        var body = new Message.IfInfo(Rtnl.AF_UNSPEC, 1, 5, Rtnl.IFF_UP | Rtnl.IFF_LOWER_UP | Rtnl.IFF_BROADCAST, 0, List.of(
                Attr.string(Rtnl.IFLA_IFNAME, "veth-red"), Attr.u32(Rtnl.IFLA_MTU, 1500), Attr.u32(Rtnl.IFLA_LINK, 4),
                Attr.u32(Rtnl.IFLA_MASTER, 3), Attr.bytes(Rtnl.IFLA_ADDRESS, hex("02 00 00 00 00 0a")),
                Attr.bytes(Rtnl.IFLA_OPERSTATE, new byte[] {6}),
                Attr.nested(Rtnl.IFLA_LINKINFO, Attr.string(Rtnl.IFLA_INFO_KIND, "veth"))));
        Message decoded = NetlinkCodec.decode(NetlinkCodec.encode(new Message(Rtnl.RTM_NEWLINK, Rtnl.NLM_F_MULTI, 9, 0, body))).getFirst();
        assertThat(Link.from(decoded)).isEqualTo(new Link(5, "veth-red", "veth", body.flags(), 1500, "02:00:00:00:00:0a", 3, 4, "UP"));
        assertThat(Link.from(decoded).flagText()).isEqualTo("UP,LOWER_UP");
    }

    @Test void truncatedInputIsRefusedWithItsPosition() {
        byte[] shortened = hex("54 00 00 00 10 00 05 06  c9 49 04 6b 00 00 00 00 00 00 00 00");
        assertThatThrownBy(() -> NetlinkCodec.decode(shortened)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claims 84 bytes");
    }

    @Test void ipv4ParsesFormatsAndRefusesNonsense() {
        assertThat(Ipv4.parse("10.1.2.254").withHost(1)).hasToString("10.1.2.1");
        assertThat(Ipv4.parse("255.0.0.1").bytes()).isEqualTo(hex("ff 00 00 01"));
        assertThatThrownBy(() -> Ipv4.parse("10.1.2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4.parse("10.1.2.256")).isInstanceOf(IllegalArgumentException.class);
    }
}
