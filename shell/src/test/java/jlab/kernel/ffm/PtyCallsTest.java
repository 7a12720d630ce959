package jlab.kernel.ffm;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;

import jlab.kernel.Errno;
import jlab.kernel.OpenFlag;
import jlab.kernel.SyscallException;
import jlab.kernel.WindowSize;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static jlab.kernel.ffm.KernelFixture.KERNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pseudo-terminal pair of the host's devpts through the Syscalls layer, closed again by each test. */
@Tag("kernel")
class PtyCallsTest {
    private static final EnumSet<OpenFlag> TTY = EnumSet.of(OpenFlag.O_RDWR, OpenFlag.O_NOCTTY, OpenFlag.O_CLOEXEC);

    @BeforeAll static void root() { KernelFixture.requireRoot(); }

    @Test
    void masterAndSlaveCarryBytesAndTheWindowSize() {
        int master = KERNEL.open("/dev/ptmx", TTY);
        try {
            assertThatThrownBy(() -> KERNEL.open("/dev/pts/" + KERNEL.ptyNumber(master), TTY))
                    .as("a slave stays locked until unlockpt")
                    .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.errno().number()).isEqualTo(Errno.EIO));
            KERNEL.unlockPty(master);
            String slavePath = "/dev/pts/" + KERNEL.ptyNumber(master);
            assertThat(Path.of(slavePath)).exists();
            int slave = KERNEL.open(slavePath, TTY);
            try {
                KERNEL.setWindowSize(master, new WindowSize(37, 113));
                assertThat(KERNEL.windowSize(slave)).isEqualTo(new WindowSize(37, 113));

                assertThat(KERNEL.pollIn(slave, 0)).as("nothing typed yet").isFalse();
                byte[] typed = "hi\n".getBytes(StandardCharsets.US_ASCII);
                assertThat(KERNEL.write(master, typed, 0, typed.length)).isEqualTo(3);
                assertThat(KERNEL.pollIn(slave, 10_000)).isTrue();
                byte[] line = new byte[16];
                int n = KERNEL.read(slave, line);
                assertThat(new String(line, 0, n, StandardCharsets.US_ASCII)).isEqualTo("hi\n");
            } finally {
                KERNEL.close(slave);
            }
            // every slave descriptor closed: the master hangs up, and reading it fails with EIO
            assertThat(KERNEL.pollIn(master, 10_000)).isTrue();
            byte[] rest = new byte[64];
            // the echo of "hi" (ECHO is on) comes first
            assertThat(new String(rest, 0, KERNEL.read(master, rest), StandardCharsets.US_ASCII)).isEqualTo("hi\r\n");
            assertThatThrownBy(() -> KERNEL.read(master, rest))
                    .isInstanceOfSatisfying(SyscallException.class, e -> assertThat(e.errno().number()).isEqualTo(Errno.EIO));
        } finally {
            KERNEL.close(master);
        }
    }
}
