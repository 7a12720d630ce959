package jlab.doctor;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jlab.events.ProcessEventRecorder;
import jlab.kernel.Syscalls;
import jlab.proc.ProcFs;

/**
 * {@code jlab doctor}: checks whether this machine can run the labs. Use
 * {@code Doctor.forThisMachine(kernel).run().render(color)}, and exit with {@link DoctorReport#exitStatus()}.
 * Every root is injectable so tests can point the doctor at a fake /proc and /sys.
 */
public final class Doctor {

    private final Path procRoot;
    private final Path sysRoot;
    private final Path busybox;
    private final Runtime.Version java;
    private final Optional<BooleanSupplier> pidnsProbe;
    private final Supplier<Optional<String>> processEventsProbe;

    /** @param processEventsProbe why the kernel does not report process events to jlab; empty when it does */
    public Doctor(Path procRoot, Path sysRoot, Path busybox, Runtime.Version java,
                  Optional<BooleanSupplier> pidnsProbe, Supplier<Optional<String>> processEventsProbe) {
        this.procRoot = Objects.requireNonNull(procRoot);
        this.sysRoot = Objects.requireNonNull(sysRoot);
        this.busybox = Objects.requireNonNull(busybox);
        this.java = Objects.requireNonNull(java);
        this.pidnsProbe = Objects.requireNonNull(pidnsProbe);
        this.processEventsProbe = Objects.requireNonNull(processEventsProbe);
    }

    /**
     * The real /proc, /sys, /bin/busybox and this JVM; the pidns answer comes from the kernel version, and
     * the process-events connector is opened through {@code kernel}.
     */
    public static Doctor forThisMachine(Syscalls kernel) {
        return new Doctor(Path.of("/proc"), Path.of("/sys"), Path.of("/bin/busybox"), Runtime.version(),
                Optional.empty(), () -> ProcessEventRecorder.probe(kernel, new ProcFs()));
    }

    /**
     * The same doctor, but whether procfs accepts {@code pidns=} is decided by {@code probe} (e.g. one that
     * tries fsopen("proc") + fsconfig("pidns")) instead of by the kernel version.
     */
    public Doctor withPidnsProbe(BooleanSupplier probe) {
        return new Doctor(procRoot, sysRoot, busybox, java, Optional.of(probe), processEventsProbe);
    }

    /** Runs every check; never throws, a check that cannot read its file reports FAIL. */
    public DoctorReport run() {
        var checks = new HostChecks(procRoot, sysRoot);
        return new DoctorReport(List.of(
                checks.root(),
                checks.kernel(),
                checks.namespaces(),
                checks.overlayfs(),
                checks.cgroups(),
                checks.busybox(busybox),
                checks.java(java),
                checks.procForPidNamespace(pidnsProbe),
                checks.processEvents(processEventsProbe)));
    }

    /**
     * Whether to colour the table: stdout is a terminal and NO_COLOR (https://no-color.org) is unset.
     */
    public static boolean colorWanted() {
        var console = System.console();
        return console != null && console.isTerminal() && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }
}
