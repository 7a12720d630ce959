package jlab.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** ICMP echo bytes against the well-known capture of a Windows ping (id 1, seq 1, payload a..w a..i). */
class IcmpEchoTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] PAYLOAD = "abcdefghijklmnopqrstuvwabcdefghi".getBytes(StandardCharsets.US_ASCII);
    private static final String PAYLOAD_HEX = "6162636465666768696a6b6c6d6e6f7071727374757677616263646566676869";

    @Test void requestIsTypeEightWithItsChecksum() {
        assertThat(HEX.formatHex(IcmpEcho.request(1, 1, PAYLOAD))).isEqualTo("08004d5a00010001" + PAYLOAD_HEX);
        assertThat(HEX.formatHex(IcmpEcho.request(0x1234, 0xfffe, new byte[0]))).isEqualTo("0800e5cc1234fffe");
    }

    @Test void checksumOverAMessageWithItsChecksumIsZero() {
        byte[] request = IcmpEcho.request(0xbeef, 7, "odd".getBytes(StandardCharsets.US_ASCII));
        assertThat(IcmpEcho.checksum(request, 0, request.length)).isZero();
    }

    @Test void checksumPadsAnOddByteAndFoldsTheCarry() {
        assertThat(IcmpEcho.checksum(new byte[] {0x01}, 0, 1)).isEqualTo(0xfeff);
        assertThat(IcmpEcho.checksum(HEX.parseHex("ffffffff"), 0, 4)).isZero();
        assertThat(IcmpEcho.checksum(HEX.parseHex("0001f203f4f5f6f7"), 0, 8)).as("RFC 1071's example sums to ddf2").isEqualTo(0x220d);
        assertThat(IcmpEcho.checksum(HEX.parseHex("ff0001"), 1, 2)).as("from an offset").isEqualTo(0xfffe);
    }

    @Test void requestRefusesFieldsWiderThanSixteenBits() {
        assertThatThrownBy(() -> IcmpEcho.request(0x10000, 1, PAYLOAD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IcmpEcho.request(1, -1, PAYLOAD)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The answer to the request above from 10.0.0.3 to 10.0.0.2, IPv4 header first, as a raw socket reads it (the kernel checked the header checksum: not read here). */
    private static byte[] replyPacket() {
        return HEX.parseHex("4500003c1c4600004001" + "0a72" + "0a000003" + "0a000002"
                + "0000555a00010001" + PAYLOAD_HEX);
    }

    @Test void replyIsReadPastTheIpHeader() {
        byte[] packet = replyPacket();
        assertThat(IcmpEcho.reply(packet, packet.length)).contains(new IcmpEcho.Reply(Ipv4.parse("10.0.0.3"), 1, 1));
        byte[] longer = java.util.Arrays.copyOf(packet, 2048);
        assertThat(IcmpEcho.reply(longer, packet.length)).as("in a bigger buffer").contains(new IcmpEcho.Reply(Ipv4.parse("10.0.0.3"), 1, 1));
    }

    @Test void replyWithOptionsInTheIpHeaderIsReadPastThem() {
        byte[] packet = HEX.parseHex("46000040000000004001" + "0000" + "0a000003" + "0a000002" + "01010100"
                + "0000555a00010001" + PAYLOAD_HEX);
        assertThat(IcmpEcho.reply(packet, packet.length)).contains(new IcmpEcho.Reply(Ipv4.parse("10.0.0.3"), 1, 1));
    }

    @Test void anythingButAValidEchoReplyIsPassedOver() {
        byte[] packet = replyPacket();
        byte[] badChecksum = packet.clone();
        badChecksum[22] ^= 1;
        assertThat(IcmpEcho.reply(badChecksum, packet.length)).as("bad checksum").isEmpty();
        byte[] request = packet.clone();
        request[20] = 8;
        assertThat(IcmpEcho.reply(request, packet.length)).as("an echo request").isEmpty();
        byte[] udp = packet.clone();
        udp[9] = 17;
        assertThat(IcmpEcho.reply(udp, packet.length)).as("another protocol").isEmpty();
        byte[] fragment = packet.clone();
        fragment[6] = 0x20;
        assertThat(IcmpEcho.reply(fragment, packet.length)).as("a first fragment").isEmpty();
        assertThat(IcmpEcho.reply(packet, packet.length - 1)).as("truncated").isEmpty();
        assertThat(IcmpEcho.reply(packet, 19)).as("shorter than an IPv4 header").isEmpty();
        byte[] ipv6 = packet.clone();
        ipv6[0] = 0x60;
        assertThat(IcmpEcho.reply(ipv6, packet.length)).as("not IPv4").isEmpty();
    }
}
