package jlab.events;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jlab.events.EventRecording.Fate;
import jlab.kernel.Errno;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.proc.FakeProc;

import static org.assertj.core.api.Assertions.assertThat;

/** The recorder against a scripted connector socket and a fake /proc: what it keeps, ignores and says. */
class ProcessEventRecorderTest {
    private static final int JLAB = 42, SPAWNER_TID = 77, FD = 9;
    private Path root;
    private FakeProc proc;

    @BeforeEach
    void proc() throws IOException {
        root = Files.createTempDirectory("jlab-events-proc");
        proc = new FakeProc(root)
                .process(500, 0, "sleep", "S (sleeping)", List.of(500, 1), "/bin/sleep", "999999999")
                .process(501, JLAB, "sh", "S (sleeping)", List.of(501, 2), "sh", "-c", "...")
                .process(502, 500, "sleep", "Z (zombie)", List.of(502, 3))
                .process(700, 1, "cron", "S (sleeping)", List.of(700));
    }

    @AfterEach
    void remove() throws IOException {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A connector socket: answers the listen request with {@code answer(id)}, then plays {@code script}, then EAGAIN. */
    private static final class ScriptedSocket {
        final List<byte[]> sent = new ArrayList<>();
        final Deque<Object> script = new ArrayDeque<>();
        final List<Integer> closed = new ArrayList<>();
        IntFunction<byte[]> answer;
        SyscallException refuseSocket;
        /** A busy host: once the script is played, an unrelated fork, stamped now, on every receive. */
        boolean endless;

        synchronized void play(List<Object> more) {
            script.addAll(more);
        }

        Syscalls kernel() {
            return (Syscalls) Proxy.newProxyInstance(Syscalls.class.getClassLoader(), new Class<?>[] {Syscalls.class}, (p, m, args) -> {
                switch (m.getName()) {
                    case "netlinkMulticastSocket" -> {
                        if (refuseSocket != null) throw refuseSocket;
                        return FD;
                    }
                    case "netlinkSend" -> {
                        byte[] message = (byte[]) args[1];
                        synchronized (this) {
                            if (sent.isEmpty()) script.addFirst(answer.apply(ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()).getInt(28)));
                            sent.add(message);
                        }
                        return null;
                    }
                    case "netlinkReceive" -> {
                        Object next;
                        synchronized (this) {
                            next = script.pollFirst();
                            if (next == null && endless && !sent.isEmpty()) next = datagram(0, FORK, System.nanoTime(), 700, 700, 701, 701);
                        }
                        if (next == null) throw new SyscallException("recv", List.of(), Errno.of(Errno.EAGAIN));
                        if (next instanceof SyscallException e) throw e;
                        byte[] bytes = (byte[]) next;
                        System.arraycopy(bytes, 0, (byte[]) args[1], 0, bytes.length);
                        return bytes.length;
                    }
                    case "close" -> {
                        closed.add((Integer) args[0]);
                        return null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                }
            });
        }
    }

    /** One connector datagram: nlmsghdr, cn_msg (ack field {@code ack}), proc_event with {@code union} ints. */
    private static byte[] datagram(int ack, int what, long timestampNs, int... union) {
        ByteBuffer b = ByteBuffer.allocate(76).order(ByteOrder.nativeOrder());
        b.putInt(76).putShort((short) 3).putShort((short) 0).putInt(0).putInt(0);
        b.putInt(1).putInt(1).putInt(0).putInt(ack).putShort((short) 40).putShort((short) 0);
        b.putInt(what).putInt(0).putLong(timestampNs);
        for (int v : union) b.putInt(v);
        return b.array();
    }

    private static final int FORK = 1, EXEC = 2, EXIT = 0x80000000;

    private ProcessEventRecorder.Scope scope() {
        return new ProcessEventRecorder.Scope(JLAB, SPAWNER_TID, OptionalInt.of(500), Set.of(500));
    }

    @Test
    void keepsTheContainersProcessesOnly() {
        var socket = new ScriptedSocket();
        socket.answer = id -> datagram(id + 1, 0, 1_000, 0);
        socket.script.add(datagram(5, 0, 900, 0)); // another listener's answer, before ours
        var recorder = ProcessEventRecorder.start(socket.kernel(), proc.procFs(), scope(), "step 2 actions");
        socket.play(List.of(
                datagram(0, FORK, 2_000, SPAWNER_TID, JLAB, 501, 501),        // jlab's container thread spawns sh
                datagram(0, FORK, 2_100, 700, 700, 701, 701),                 // a host process: not ours
                datagram(0, EXEC, 2_150, 501, 501),                           // jlab's gate: not shown
                datagram(0, EXEC, 2_200, 501, 501),
                datagram(0, FORK, 2_300, 501, 501, 510, 501),                 // a thread of sh: not a process
                datagram(0, FORK, 2_400, 501, 501, 502, 502),
                datagram(0, FORK, 2_500, 501, 501, 503, 503),
                new SyscallException("recv", List.of(), Errno.of(105)),       // ENOBUFS: the kernel dropped some
                datagram(0, EXEC, 2_600, 502, 502),
                datagram(0, EXIT, 9_000, 502, 502, 0, 17, 501, 501),
                datagram(0, EXIT, 9_100, 503, 503, 9, 17, 501, 501),
                datagram(0, EXIT, 9_200, 700, 700, 0, 17, 1, 1)));
        EventRecording r = recorder.stop();

        assertThat(r.problem()).isNull();
        assertThat(r.startNs()).as("time 0 is our answer's timestamp, not the other listener's").isEqualTo(1_000);
        assertThat(r.events()).as("the first exec of what jlab forked is its gate's, left out")
                .extracting(e -> e.event().getClass().getSimpleName() + " " + e.process().hostPid())
                .containsExactly("Fork 501", "Exec 501", "Fork 502", "Fork 503", "Exec 502", "Exit 502", "Exit 503");
        assertThat(r.events().get(1).event().timestampNs()).isEqualTo(2_200);
        assertThat(r.events().get(2).process()).isEqualTo(new ProcessRef(502, 3, "sh"));
        assertThat(r.events().get(2).parent()).isEqualTo(new ProcessRef(501, 2, "sh"));
        assertThat(r.lost()).isEqualTo(1);
        assertThat(r.fates()).containsEntry(501, Fate.RUNNING).containsEntry(502, Fate.ZOMBIE).containsEntry(503, Fate.REAPED);
        assertThat(EventTimeline.summary(r)).isEqualTo("jlab started sh. sh forked 2 children; 2 exited; 1 reaped, 1 zombie left");
        assertThat(socket.sent).extracting(m -> ByteBuffer.wrap(m).order(ByteOrder.nativeOrder()).getInt(36))
                .as("listen, then ignore").containsExactly(ProcConnectorCodec.PROC_CN_MCAST_LISTEN, ProcConnectorCodec.PROC_CN_MCAST_IGNORE);
        assertThat(socket.closed).containsExactly(FD);
    }

    @Test
    void aRefusalIsOneSentenceWithTheErrno() {
        var socket = new ScriptedSocket();
        socket.answer = id -> datagram(id + 1, 0, 1_000, Errno.EPERM);
        EventRecording r = ProcessEventRecorder.start(socket.kernel(), proc.procFs(), scope(), "step 1 actions").stop();
        assertThat(r.problem()).isEqualTo("the kernel refused to report process events: PROC_CN_MCAST_LISTEN = EPERM (Operation not permitted)");
        assertThat(socket.closed).containsExactly(FD);

        var noConnector = new ScriptedSocket();
        noConnector.refuseSocket = new SyscallException("socket", List.of("AF_NETLINK", "SOCK_RAW|SOCK_CLOEXEC", "NETLINK_CONNECTOR"), Errno.of(93));
        assertThat(ProcessEventRecorder.start(noConnector.kernel(), proc.procFs(), scope(), "x").stop().problem()).isEqualTo(
                "the kernel refused to report process events: socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_CONNECTOR) = "
                        + "EPROTONOSUPPORT (Protocol not supported) (a kernel built without the netlink connector, CONFIG_CONNECTOR)");
    }

    @Test
    void stopsOnABusyHostWhoseQueueNeverRunsDry() {
        var socket = new ScriptedSocket();
        socket.answer = id -> datagram(id + 1, 0, 1_000, 0);
        socket.endless = true;
        socket.script.add(datagram(0, FORK, 2_000, SPAWNER_TID, JLAB, 501, 501));
        var recorder = ProcessEventRecorder.start(socket.kernel(), proc.procFs(), scope(), "busy");
        EventRecording r = recorder.stop();
        assertThat(r.problem()).isNull();
        assertThat(r.events()).extracting(e -> e.process().hostPid()).containsExactly(501);
        assertThat(socket.closed).containsExactly(FD);
    }
}
