package jlab.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.events.ProcessEventRecorder;
import jlab.kernel.Namespace;
import jlab.kernel.Syscalls;
import jlab.kernel.ffm.FfmSyscalls;
import jlab.proc.ProcFs;

/**
 * The doctor's process-events row against the real kernel, as root: the connector is opened and asked to
 * listen, and closed again; from a thread in a network namespace of its own the kernel refuses, and the row
 * says so with the errno and what does not work then.
 */
@Tag("kernel")
class ProcessEventsDoctorKernelTest {
    private final Syscalls kernel = new FfmSyscalls();
    private final HostChecks checks = new HostChecks(Path.of("/proc"), Path.of("/sys"));
    private long socketsBefore;

    @BeforeEach
    void countSockets() throws IOException {
        socketsBefore = jlab.OpenDescriptors.sockets();
    }

    @AfterEach
    void nothingLeftOpen() throws IOException {
        assertThat(jlab.OpenDescriptors.sockets()).as("the probe closed its netlink socket").isEqualTo(socketsBefore);
        assertThat(Thread.getAllStackTraces().keySet()).as("the listener's thread ended")
                .noneMatch(t -> t.getName().equals("jlab-process-events"));
    }

    @Test
    void theKernelAcceptsTheListenRequestOfTheHostsNamespaces() {
        Finding f = checks.processEvents(() -> ProcessEventRecorder.probe(kernel, new ProcFs()));

        assertThat(f).isEqualTo(Finding.ok("process events",
                "netlink connector: PROC_CN_MCAST_LISTEN accepted → `show events` works"));
    }

    @Test
    void inAnotherNetworkNamespaceTheRowWarnsWithTheErrnoAndWhatDoesNotWork() throws InterruptedException {
        AtomicReference<Finding> found = new AtomicReference<>();
        // The probe's listener thread is created by this thread, so it is in the new namespace too; the
        // namespace goes away with the two threads.
        Thread t = Thread.ofPlatform().name("jlab-test-netns").start(() -> {
            kernel.unshare(EnumSet.of(Namespace.NET));
            found.set(checks.processEvents(() -> ProcessEventRecorder.probe(kernel, new ProcFs())));
        });
        t.join();

        Finding f = found.get();
        assertThat(f.status()).isEqualTo(Status.WARN);
        assertThat(f.found()).startsWith("the kernel refused to report process events: sendto(")
                .endsWith("= ECONNREFUSED (Connection refused) (the connector answers in the host's network namespace only)");
        assertThat(f.whatToDo()).contains("`show events`", "the labs run without it");
    }
}
