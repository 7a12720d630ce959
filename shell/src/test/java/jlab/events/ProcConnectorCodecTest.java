package jlab.events;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages of the process-events connector as bytes, written from cn_proc.h, connector.h and netlink.h (little-endian). */
class ProcConnectorCodecTest {

    @BeforeAll
    static void littleEndian() {
        assertThat(ByteOrder.nativeOrder()).as("the literal bytes below are x86_64/aarch64 order").isEqualTo(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    @Test
    void listenRequestIsAnNlmsghdrACnMsgAndTheOperation() {
        assertThat(ProcConnectorCodec.mcastRequest(ProcConnectorCodec.PROC_CN_MCAST_LISTEN, 7)).isEqualTo(bytes(
                40, 0, 0, 0,   3, 0,   0, 0,   7, 0, 0, 0,   0, 0, 0, 0,      // nlmsghdr: len 40, NLMSG_DONE, seq 7
                1, 0, 0, 0,   1, 0, 0, 0,   7, 0, 0, 0,   7, 0, 0, 0,         // cn_msg: idx CN_IDX_PROC, val CN_VAL_PROC, seq, ack
                4, 0,   0, 0,                                                 // len 4, flags 0
                1, 0, 0, 0));                                                 // PROC_CN_MCAST_LISTEN
        assertThat(ProcConnectorCodec.mcastRequest(ProcConnectorCodec.PROC_CN_MCAST_IGNORE, 7)).endsWith(2, 0, 0, 0);
    }

    /** nlmsghdr (16) + cn_msg (20) + proc_event (40: what, cpu, timestamp_ns, 24-byte union). */
    private static byte[] message(int ack, int[] what, int[] timestamp, int[] union) {
        int[] header = {76, 0, 0, 0, 3, 0, 0, 0, 0x9b, 0x02, 0, 0, 0, 0, 0, 0,
                1, 0, 0, 0, 1, 0, 0, 0, 0x9b, 0x02, 0, 0, ack, 0, 0, 0, 40, 0, 0, 0};
        int[] event = new int[40];
        System.arraycopy(what, 0, event, 0, 4);
        event[4] = 1; // cpu 1
        System.arraycopy(timestamp, 0, event, 8, 8);
        System.arraycopy(union, 0, event, 16, union.length);
        int[] all = Arrays.copyOf(header, 76);
        System.arraycopy(event, 0, all, 36, 40);
        return bytes(all);
    }

    private static final int[] TS = {0x00, 0x10, 0x32, 0x54, 0x02, 0, 0, 0}; // 0x254321000 ns

    @Test
    void forkExecExitAndAck() {
        var fork = ProcConnectorCodec.decode(message(0, new int[] {1, 0, 0, 0}, TS,
                new int[] {0x39, 0x30, 0, 0, 0x39, 0x30, 0, 0, 0x3a, 0x30, 0, 0, 0x3a, 0x30, 0, 0}), 76);
        assertThat(fork).containsExactly(new ProcEvent.Fork(0x254321000L, 12345, 12345, 12346, 12346));
        assertThat(((ProcEvent.Fork) fork.getFirst()).newProcess()).isTrue();

        var exec = ProcConnectorCodec.decode(message(0, new int[] {2, 0, 0, 0}, TS, new int[] {0x3a, 0x30, 0, 0, 0x3a, 0x30, 0, 0}), 76);
        assertThat(exec).containsExactly(new ProcEvent.Exec(0x254321000L, 12346, 12346));

        // exit: pid, tgid, exit_code 0x0100 (exit(1)), exit_signal 17 (SIGCHLD), parent_pid, parent_tgid
        var exit = ProcConnectorCodec.decode(message(0, new int[] {0, 0, 0, 0x80}, TS, new int[] {
                0x3a, 0x30, 0, 0, 0x3a, 0x30, 0, 0, 0, 1, 0, 0, 17, 0, 0, 0, 0x39, 0x30, 0, 0, 0x39, 0x30, 0, 0}), 76);
        var x = (ProcEvent.Exit) exit.getFirst();
        assertThat(x).isEqualTo(new ProcEvent.Exit(0x254321000L, 12346, 12346, 0x100, 17, 12345, 12345));
        assertThat(x.killed()).isFalse();
        assertThat(x.status()).isEqualTo(1);

        // the answer to a listen request with ack 8: the kernel put its own counter (667) in seq
        var ack = ProcConnectorCodec.decode(message(9, new int[] {0, 0, 0, 0}, TS, new int[] {1, 0, 0, 0}), 76);
        assertThat(ack).containsExactly(new ProcEvent.Ack(0x254321000L, 1, 9));
    }

    @Test
    void killedBySignalAndThreadEvents() {
        var killed = (ProcEvent.Exit) ProcConnectorCodec.decode(message(0, new int[] {0, 0, 0, 0x80}, TS, new int[] {
                10, 0, 0, 0, 10, 0, 0, 0, 9, 0, 0, 0, 17, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0}), 76).getFirst();
        assertThat(killed.killed()).isTrue();
        assertThat(killed.signal()).isEqualTo(9);
        assertThat(EventTimeline.ending(killed)).isEqualTo("killed by SIGKILL");

        var thread = (ProcEvent.Fork) ProcConnectorCodec.decode(message(0, new int[] {1, 0, 0, 0}, TS,
                new int[] {10, 0, 0, 0, 10, 0, 0, 0, 11, 0, 0, 0, 10, 0, 0, 0}), 76).getFirst();
        assertThat(thread.newProcess()).as("child tgid is the parent's: a thread").isFalse();
    }

    @Test
    void twoMessagesInOneDatagramAndTruncatedOnesSkipped() {
        byte[] one = message(0, new int[] {2, 0, 0, 0}, TS, new int[] {5, 0, 0, 0, 5, 0, 0, 0});
        byte[] two = new byte[152];
        System.arraycopy(one, 0, two, 0, 76);
        System.arraycopy(message(0, new int[] {0x00, 0x02, 0, 0}, TS, new int[] {5, 0, 0, 0}), 0, two, 76, 76); // PROC_EVENT_COMM
        assertThat(ProcConnectorCodec.decode(two, 152)).containsExactly(
                new ProcEvent.Exec(0x254321000L, 5, 5), new ProcEvent.Other(0x254321000L, 0x200));
        assertThat(ProcConnectorCodec.decode(two, 100)).as("the second message is cut off").hasSize(1);

        byte[] otherConnector = message(0, new int[] {2, 0, 0, 0}, TS, new int[] {5, 0, 0, 0, 5, 0, 0, 0});
        otherConnector[16] = 2; // idx 2 is not CN_IDX_PROC
        assertThat(ProcConnectorCodec.decode(otherConnector, 76)).isEmpty();
    }
}
