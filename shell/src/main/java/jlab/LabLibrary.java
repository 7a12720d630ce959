package jlab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import jlab.engine.Engine;
import jlab.engine.LabSession;
import jlab.kernel.LoggingSyscalls;
import jlab.kernel.SyscallLog;
import jlab.kernel.Syscalls;
import jlab.lab.Lab;
import jlab.lab.LabCatalog;
import jlab.lab.LabException;
import jlab.lab.LabLoader;
import jlab.lab.LabSearchPath;
import jlab.ledger.Cleanup;
import jlab.ledger.KernelReleaser;
import jlab.ledger.Ledger;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.ProcessIdentity;
import jlab.ledger.Releaser;
import jlab.proc.ProcFs;
import jlab.progress.FileProgressStore;
import jlab.progress.ProgressStore;
import jlab.sandbox.BusyboxRootfs;
import jlab.sandbox.Sandbox;
import jlab.shell.Labs;
import jlab.shell.ShellException;

/**
 * The labs along a search path ({@code --labs}, {@code JLAB_LABS}, {@code <home>/labs}), and how one is started for real: dead sessions cleaned first, a ledger
 * for this session, the kernel (FFM) wrapped in the syscall log, an engine over a fresh sandbox; closing
 * the session tears the sandbox down and releases whatever the ledger still holds.
 */
final class LabLibrary implements Labs {
    private final Path home;
    private final Consumer<String> notice;
    private final Path ledgerBase;
    private final LabSearchPath searchPath;
    private ProgressStore progress;

    /** The learner's labs: ledgers under /run/jlab, progress saved under their $XDG_STATE_HOME/jlab. */
    LabLibrary(Path home, Consumer<String> notice) {
        this(home, notice, Ledger.DEFAULT_BASE, LabSearchPath.standard(home), null);
    }

    /** Ledgers under {@code ledgerBase}, and no progress kept: for tests and lint, which are nobody's learning. */
    LabLibrary(Path home, Consumer<String> notice, Path ledgerBase) {
        this(home, notice, ledgerBase, LabSearchPath.standard(home));
    }

    /** Labs found along {@code searchPath}, ledgers under {@code ledgerBase}, no progress kept. */
    LabLibrary(Path home, Consumer<String> notice, Path ledgerBase, LabSearchPath searchPath) {
        this(home, notice, ledgerBase, searchPath, ProgressStore.none());
    }

    /** The learner's labs along {@code searchPath}: ledgers under /run/jlab, progress in their $XDG_STATE_HOME/jlab. */
    static LabLibrary learner(Path home, Consumer<String> notice, LabSearchPath searchPath) {
        return new LabLibrary(home, notice, Ledger.DEFAULT_BASE, searchPath, null);
    }

    /** {@code progress}: null for the invoking learner's files, opened on first use. */
    LabLibrary(Path home, Consumer<String> notice, Path ledgerBase, LabSearchPath searchPath, ProgressStore progress) {
        this.home = home;
        this.notice = notice;
        this.ledgerBase = ledgerBase;
        this.searchPath = searchPath;
        this.progress = progress;
    }

    private Long seed;

    /** This library with a fixed draw of every lab's vars (tests that type the answers). */
    LabLibrary seeded(long seed) {
        this.seed = seed;
        return this;
    }

    LabCatalog catalog() {
        LabCatalog along = LabCatalog.along(searchPath, home);
        if (seed == null) return along;
        long fixed = seed;
        return new LabCatalog(along.directories(), file -> along.loaderFor(file).withSeed(fixed));
    }

    /** Where the lesson files of a lab loaded from {@code labFile} are. */
    Path lessonsFor(Path labFile) {
        return LabSearchPath.lessonRootFor(labFile, home.resolve("lesson-content"));
    }

    @Override public List<LabSummary> list() {
        return catalog().list().labs().stream()
                .map(e -> new LabSummary(e.id(), e.title(), e.summary(), e.stepCount(), origin(e.source()))).toList();
    }

    /** The directory a lab file came from, unless it is the repository's labs/. */
    String origin(Path labFile) {
        Path dir = labFile.toAbsolutePath().normalize().getParent();
        return dir == null || searchPath.isStandard(dir) ? null : dir.toString();
    }

    private Path watched;

    /** {@code jlab start --watch <file>}: the lab in {@code file} is started from there and reloaded on save. */
    LabLibrary watching(Path file) {
        this.watched = file.toAbsolutePath().normalize();
        if (seed == null) seed = java.util.concurrent.ThreadLocalRandom.current().nextLong(); // reloads keep the vars
        return this;
    }

    @Override public LabSession start(String id) {
        if (watched != null && LabLoader.fileId(watched).equals(id)) return startWatched();
        Lab lab;
        try {
            lab = catalog().find(id);
            lab = withSavedVars(lab);
        } catch (LabException e) {
            throw new ShellException(e.render());
        }
        return start(lab, lessonsFor(lab.source()), progress());
    }

    /** The lab again with the vars this learner drew before, when progress saved some: a resumed lab asks the same. */
    Lab withSavedVars(Lab lab) throws LabException {
        if (lab.vars().isEmpty()) return lab;
        var saved = progress().load(lab.id()).map(jlab.progress.LabProgress::vars).orElse(java.util.Map.of());
        if (saved.isEmpty() || saved.equals(lab.vars())) return lab;
        return catalog().loaderFor(lab.source()).withVars(saved).load(lab.source());
    }

    private LabSession startWatched() {
        LabLoader loader = new LabLoader(lessonsFor(watched), LabLoader.DEFAULT_INSPECTORS).withSeed(seed);
        Lab lab;
        try {
            lab = loader.load(watched);
        } catch (LabException e) {
            throw new ShellException(e.render());
        }
        LabSession session = start(lab, lessonsFor(watched), progress());
        try {
            return new LabWatch(watched, loader, lab, notice).wrap((jlab.engine.Engine) session);
        } catch (IOException e) {
            session.close();
            throw new ShellException("cannot watch " + watched + ": " + e.getMessage());
        }
    }

    /** Saved under the invoking learner's $XDG_STATE_HOME/jlab (created on first use), or none (see the constructors). */
    @Override public synchronized ProgressStore progress() {
        if (progress == null) progress = FileProgressStore.forInvokingUser(notice);
        return progress;
    }

    /** A session of a lab loaded from anywhere (`jlab lint <file>`), saving no progress; {@code lessons} is where its texts are. */
    LabSession start(Lab lab, Path lessons) {
        return start(lab, lessons, ProgressStore.none());
    }

    private LabSession start(Lab lab, Path lessons, ProgressStore progressStore) {
        String id = lab.id();
        if (!Privileges.root()) {
            throw new ShellException("a lab builds real namespaces and mounts, which needs root: run `sudo ./jlab start " + id + "`");
        }
        Syscalls kernel = Kernel.syscalls();
        Releaser releaser = KernelReleaser.system(kernel);
        cleanDeadSessions(releaser);
        try {
            Ledger ledger = Ledger.open(ledgerBase, ProcessIdentity.self(ProcStartTimes.system()));
            SyscallLog log = new SyscallLog();
            Syscalls logged = new LoggingSyscalls(kernel, log);
            Engine engine = new Engine(lab, () -> Sandbox.create(logged, kernel, ledger, BusyboxRootfs.DEFAULT_BUSYBOX, releaser),
                    new ProcFs(), lessons, log, true, progressStore, java.time.Clock.systemUTC());
            engine.onClose(() -> {
                var report = ledger.teardown(releaser);
                ledger.close();
                report.failures().forEach(f -> notice.accept("cleanup: " + f));
            });
            return engine;
        } catch (IOException e) {
            throw new ShellException("could not prepare the lab's sandbox: " + e.getMessage());
        }
    }

    /** Removes what jlab sessions that died (kill -9, power loss) left behind. */
    void cleanDeadSessions(Releaser releaser) {
        try {
            var report = new Cleanup(ledgerBase, ProcStartTimes.system(), releaser).run();
            report.lines().forEach(notice);
        } catch (IOException e) {
            notice.accept("could not clean up earlier sessions: " + e.getMessage());
        }
    }
}
