package jlab.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import jlab.kernel.OpenFlag;
import jlab.kernel.Pipe;
import jlab.kernel.Signal;
import jlab.kernel.SpawnSpec;
import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;
import jlab.kernel.WaitStatus;
import jlab.kernel.WindowSize;
import jlab.ledger.Ledger;
import jlab.ledger.Resource;
import jlab.proc.ProcFs;

/**
 * Commands run inside the container: spawned from the container's thread (so they are in its namespaces
 * and, for the spawn, its rootfs), with output read and the child reaped on the caller's thread, which
 * keeps the container's thread free. Every child is in the ledger before it runs its program and while it lives
 * (see {@link RecordedSpawns}).
 */
public final class Commands {
    private static final List<String> PATH = List.of("/bin", "/sbin", "/usr/bin", "/usr/sbin");

    private final Sandbox sandbox;
    private final Syscalls quiet;
    private final Ledger ledger;
    private final ProcFs proc = new ProcFs();
    private volatile int running = -1;
    private final RecordedSpawns spawns;
    private final DetachedProcesses detached;

    Commands(Sandbox sandbox, Syscalls quiet, Ledger ledger) {
        this.sandbox = sandbox;
        this.quiet = quiet;
        this.ledger = ledger;
        this.spawns = new RecordedSpawns(sandbox, quiet, ledger, proc);
        this.detached = new DetachedProcesses(quiet, ledger);
    }

    /** How a command ended. */
    public record Result(List<String> argv, WaitStatus status, String output) {
        public int exitCode() {
            return switch (status) {
                case WaitStatus.Exited e -> e.code();
                case WaitStatus.Signaled s -> 128 + s.signal();
                default -> -1;
            };
        }

        public String describe() {
            return String.join(" ", argv) + ": " + status.describe() + (output.isBlank() ? "" : " — " + output.strip());
        }
    }

    /**
     * Runs {@code argv} inside the container, streams its output (stdout and stderr together) line by
     * line to {@code lines}, and waits for it; after {@code timeoutMillis} it is killed.
     */
    public Result run(List<String> argv, Consumer<String> lines, long timeoutMillis) {
        sandbox.requireIsolation("run a command in the container");
        if (!sandbox.hasInit()) {
            throw new SandboxException("the container has no init yet: the first process in a new pid namespace becomes"
                    + " its PID 1, and the namespace dies with it. A later step starts the init.");
        }
        detached.reapExited();
        Pipe pipe = quiet.pipe();
        Resource.Process resource;
        try {
            SpawnSpec spec = new SpawnSpec(executable(argv.getFirst()), argv, SpawnSpec.DEFAULT_ENV,
                    SpawnSpec.DEV_NULL, pipe.writeFd(), pipe.writeFd(), true);
            resource = spawns.spawn(spec);
        } catch (RuntimeException e) {
            quiet.close(pipe.readFd());
            throw e;
        } finally {
            quiet.close(pipe.writeFd());
        }
        int pid = resource.pid();
        running = pid;
        Thread watchdog = Thread.ofVirtual().start(() -> killAfter(pid, timeoutMillis));
        String output;
        try {
            output = drain(pipe.readFd(), lines);
        } finally {
            quiet.close(pipe.readFd());
        }
        WaitStatus status = quiet.waitpid(pid, false);
        running = -1;
        watchdog.interrupt();
        ledger.released(resource);
        return new Result(argv, status, output);
    }

    /**
     * Starts {@code argv} with /dev/null as its standard streams and does not wait for it here: it is reaped
     * (and leaves the ledger) once it exits, see {@link DetachedProcesses}.
     */
    public int spawnDetached(List<String> argv) {
        detached.reapExited();
        Resource.Process process = spawnInit(argv);
        detached.add(process);
        return process.pid();
    }

    /** Like {@link #spawnDetached}, for the init, which the sandbox reaps itself, last. */
    Resource.Process spawnInit(List<String> argv) {
        return spawns.spawn(SpawnSpec.of(executable(argv.getFirst()), argv));
    }

    void placeWith(IntConsumer placer) {
        spawns.placeWith(placer);
    }

    /** What {@code pid}, if jlab started it, was let run after its gate (its comm); null otherwise. */
    String spawnedProgram(int pid) {
        return spawns.programOf(pid);
    }

    /** Runs {@code hook} between each spawn and its ledger record: a seam for the test that kills jlab right there. */
    void beforeRecord(IntConsumer hook) {
        spawns.beforeRecord(hook);
    }

    /**
     * Starts an interactive shell inside the container on a new pseudo-terminal of the container's own
     * devpts (mounted at /dev/pts on first use), sized {@code size}, with {@code TERM=term}. The caller
     * pumps its bytes and must close it. See {@link ContainerShell} for how it gets its controlling tty.
     */
    public ContainerShell openShell(String term, WindowSize size) {
        sandbox.requireIsolation("open a shell in the container");
        if (!sandbox.hasInit()) {
            throw new SandboxException("the container has no init yet: a shell started now would become its PID 1."
                    + " A later step starts the init.");
        }
        detached.reapExited();
        sandbox.mounts().mountDevpts();
        String ptmx = sandbox.threadPath("/dev/pts/ptmx");
        int master = sandbox.onThread(() ->
                quiet.open(ptmx, EnumSet.of(OpenFlag.O_RDWR, OpenFlag.O_NOCTTY, OpenFlag.O_CLOEXEC)));
        Resource.Process resource;
        String tty;
        try {
            sandbox.kernel().unlockPty(master);
            tty = "/dev/pts/" + sandbox.kernel().ptyNumber(master);
            sandbox.kernel().setWindowSize(master, size);
            List<String> env = new ArrayList<>(SpawnSpec.DEFAULT_ENV.stream().filter(v -> !v.startsWith("TERM=")).toList());
            env.add("TERM=" + term); // the learner's terminal type: the inner shell draws on it
            env.add("PS1=\\h:\\w\\$ ");
            resource = spawns.spawn(new SpawnSpec(BusyboxRootfs.SHELL, List.of("sh"), env,
                    SpawnSpec.TERMINAL, SpawnSpec.TERMINAL, SpawnSpec.TERMINAL, true, tty));
        } catch (RuntimeException e) {
            quiet.close(master);
            throw e;
        }
        return new ContainerShell(quiet, ledger, resource, master, tty);
    }

    /** Sends SIGINT to the command {@link #run} is waiting for, if any. */
    public void interrupt() {
        int pid = running;
        if (pid > 0) signal(pid, Signal.SIGINT);
    }

    /**
     * Reaps detached children that have exited now, without waiting for their watchers: a dying pid
     * namespace's init waits until every process of the namespace is reaped.
     */
    void reapDetached() {
        detached.reapExited();
    }

    boolean hasDetached() {
        return detached.any();
    }

    /** At teardown, once the init is reaped: detached children not reaped by now stay in the ledger for its teardown. */
    void forgetDetached() {
        detached.forget();
    }

    void killAll() {
        int pid = running;
        if (pid > 0) signal(pid, Signal.SIGKILL);
    }

    long startTime(int pid) {
        OptionalLong start = proc.startTime(pid);
        return start.orElse(-1);
    }

    boolean isZombie(int pid) {
        return proc.stat(pid).map(s -> s.state() == 'Z').orElse(true);
    }

    private void killAfter(int pid, long millis) {
        try {
            Thread.sleep(millis);
            if (running == pid) signal(pid, Signal.SIGKILL);
        } catch (InterruptedException e) {
            // the command ended in time
        }
    }

    private void signal(int pid, Signal signal) {
        try {
            quiet.kill(pid, signal);
        } catch (SyscallException e) {
            // it has just exited; waitpid reaps it
        }
    }

    private String drain(int fd, Consumer<String> lines) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int n;
        while ((n = quiet.read(fd, buffer)) > 0) {
            all.write(buffer, 0, n);
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    lines.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(buffer[i]);
                }
            }
        }
        if (line.size() > 0) lines.accept(line.toString(StandardCharsets.UTF_8));
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Resolves a command name against the container's PATH, looking only inside the rootfs. */
    private String executable(String command) {
        if (command.contains("/")) {
            ContainerPaths.relative(command);
            return command;
        }
        for (String dir : PATH) {
            String candidate = dir + "/" + command;
            if (java.nio.file.Files.exists(sandbox.hostPath(candidate), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
        throw new SandboxException(command + ": command not found in the container (busybox has no such applet)");
    }

}
