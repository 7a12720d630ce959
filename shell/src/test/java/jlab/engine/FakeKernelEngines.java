package jlab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;

import jlab.kernel.LoggingSyscalls;
import jlab.kernel.RecordingSyscalls;
import jlab.kernel.SyscallLog;
import jlab.lab.Lab;
import jlab.lab.LabLoader;
import jlab.ledger.KernelReleaser;
import jlab.ledger.Ledger;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.ProcessIdentity;
import jlab.proc.ProcFs;
import jlab.progress.ProgressStore;
import jlab.sandbox.BusyboxRootfs;
import jlab.sandbox.Sandbox;

/**
 * Engines of the namespaces lab (vars drawn with seed 7) over a {@link RecordingSyscalls} fake, each with a
 * ledger in a temporary directory that {@link #close} removes.
 */
final class FakeKernelEngines implements AutoCloseable {
    static final Path HOME = LabLoader.home();

    final Path base;
    final Lab lab;

    FakeKernelEngines(String prefix) throws Exception {
        base = Files.createTempDirectory(prefix);
        lab = new LabLoader(HOME.resolve("lesson-content"), LabLoader.DEFAULT_INSPECTORS).withSeed(7).load(HOME.resolve("labs/namespaces.yaml"));
    }

    Engine engine(RecordingSyscalls fake) throws IOException {
        return engine(fake, ProgressStore.none(), Clock.systemUTC());
    }

    Engine engine(RecordingSyscalls fake, ProgressStore progress, Clock clock) throws IOException {
        Ledger ledger = Ledger.open(base, ProcessIdentity.self(ProcStartTimes.system()));
        var releaser = new KernelReleaser(fake, ProcStartTimes.system(), Path.of("/proc/self/mountinfo"), Duration.ofMillis(10));
        SyscallLog log = new SyscallLog();
        Engine engine = new Engine(lab, () -> Sandbox.create(new LoggingSyscalls(fake, log), fake, ledger,
                BusyboxRootfs.DEFAULT_BUSYBOX, releaser), new ProcFs(), HOME.resolve("lesson-content"), log, true, progress, clock);
        engine.onClose(() -> {
            ledger.teardown(releaser);
            ledger.close();
        });
        return engine;
    }

    @Override public void close() throws IOException {
        try (var walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
