package jlab.kernel.ffm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

import jlab.kernel.Pipe;
import jlab.kernel.SpawnGate;
import jlab.kernel.SpawnSpec;
import jlab.kernel.SyscallException;
import jlab.kernel.WaitStatus;
import jlab.proc.ProcFs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static jlab.kernel.ffm.KernelFixture.BUSYBOX;
import static jlab.kernel.ffm.KernelFixture.KERNEL;
import static jlab.kernel.ffm.KernelFixture.readLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Gated spawns against the real kernel, with busybox sh as the gate: no go-ahead, no program; a line, and the
 * child becomes the program in place, indistinguishable from one posix_spawn started directly.
 */
@Tag("kernel")
class SpawnGateKernelTest {
    private static final long DEADLINE_NANOS = 30_000_000_000L;
    private KernelFixture fixture;

    @BeforeAll static void root() { KernelFixture.requireRoot(); }

    @BeforeEach void setUp() { fixture = new KernelFixture(); }

    @AfterEach void tearDown() throws IOException { fixture.close(); }

    private static SpawnSpec busybox(List<String> env, String... argv) {
        return new SpawnSpec(BUSYBOX, List.of(argv), env, SpawnSpec.DEV_NULL, SpawnSpec.DEV_NULL, SpawnSpec.DEV_NULL, true);
    }

    private static final ProcFs PROC = new ProcFs();

    /** Its argv once the kernel shows its own image ({@link ProcFs#spawnedCmdline}). */
    private static List<String> argv(int pid) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        List<String> argv;
        while ((argv = PROC.spawnedCmdline(pid, KERNEL.getpid())).isEmpty()) {
            assertThat(System.nanoTime()).as("an argv for " + pid).isLessThan(deadline);
            LockSupport.parkNanos(100_000);
        }
        return argv;
    }

    @Test void withoutItsGoAheadTheProgramNeverRuns() throws IOException {
        Path marker = fixture.tempDir().resolve("ran");
        Pipe gate = KERNEL.pipe();
        SpawnSpec spec = busybox(SpawnSpec.DEFAULT_ENV, "touch", marker.toString()).withGate(new SpawnSpec.Gate(BUSYBOX, gate.readFd()));
        int pid;
        try {
            pid = fixture.spawn(spec);
        } finally {
            KERNEL.close(gate.readFd());
        }
        assertThat(argv(pid)).as("waiting at the gate").isEqualTo(SpawnGate.standIn(spec).argv());
        assertThat(readLink("/proc/" + pid + "/fd/3")).as("the gate reads its pipe as 3").startsWith("pipe:");

        KERNEL.close(gate.writeFd()); // as a jlab killed now would: the gate reads end of file

        assertThat(KERNEL.waitpid(pid, false)).isEqualTo(new WaitStatus.Exited(pid, 1));
        assertThat(marker).as("the program never ran").doesNotExist();
    }

    @Test void aLineLetsItRunAndItBecomesTheProgramInItsOwnPlace() throws IOException {
        Path marker = fixture.tempDir().resolve("ran");
        int pid = goAhead(busybox(SpawnSpec.DEFAULT_ENV, "touch", marker.toString()));
        assertThat(KERNEL.waitpid(pid, false)).isEqualTo(new WaitStatus.Exited(pid, 0));
        assertThat(marker).exists();
    }

    @Test void theProgramLooksAsIfPosixSpawnHadStartedItDirectly() {
        List<String> env = new ArrayList<>(SpawnSpec.DEFAULT_ENV);
        env.addAll(List.of("PS1=\\h:\\w\\$ ", "QUOTED=it's \"so\"", "SHLVL=3", "PWD=/tmp", "IFS=:", "OPTIND=4"));
        for (List<String> environment : List.of(SpawnSpec.DEFAULT_ENV, List.copyOf(env))) {
            SpawnSpec spec = busybox(environment, "sleep", "10");
            int direct = fixture.spawn(spec);
            int gated = goAhead(spec);
            assertThat(view(gated)).as("gated, with env " + environment).isEqualTo(view(direct));
            assertThat(argv(gated)).containsExactly("sleep", "10");
            assertThat(environ(gated)).containsExactlyInAnyOrderElementsOf(environment);
        }
    }

    @Test void aProgramThatCannotRunFailsTheSpawnAsPosixSpawnWould() throws IOException {
        Path plain = Files.writeString(fixture.tempDir().resolve("plain"), "not a program\n");
        Files.setPosixFilePermissions(plain, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Pipe gate = KERNEL.pipe();
        try {
            SpawnSpec spec = SpawnSpec.of("/nonexistent", List.of("nonexistent")).withGate(new SpawnSpec.Gate(BUSYBOX, gate.readFd()));
            assertThatThrownBy(() -> fixture.spawn(spec)).isInstanceOfSatisfying(SyscallException.class, e ->
                    assertThat(e.getMessage()).startsWith("posix_spawn(\"/nonexistent\", [\"nonexistent\"]) = -1 ENOENT"));
            SpawnSpec notExecutable = SpawnSpec.of(plain.toString(), List.of("plain")).withGate(new SpawnSpec.Gate(BUSYBOX, gate.readFd()));
            assertThatThrownBy(() -> fixture.spawn(notExecutable)).isInstanceOfSatisfying(SyscallException.class, e ->
                    assertThat(e.errno().name()).isEqualTo("EACCES"));
        } finally {
            KERNEL.close(gate.readFd());
            KERNEL.close(gate.writeFd());
        }
    }

    /** Spawns {@code spec} gated, lets it go and waits until it runs the program. */
    private int goAhead(SpawnSpec spec) {
        Pipe gate = KERNEL.pipe();
        int pid;
        try {
            pid = fixture.spawn(spec.withGate(new SpawnSpec.Gate(BUSYBOX, gate.readFd())));
        } finally {
            KERNEL.close(gate.readFd());
        }
        try {
            assertThat(KERNEL.write(gate.writeFd(), SpawnGate.GO_AHEAD, 0, 1)).isOne();
        } finally {
            KERNEL.close(gate.writeFd());
        }
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            // the spawner's argv for a moment after posix_spawn, then empty, the gate's, empty again
            // (during its exec) and the program's; empty for good once it is a zombie
            List<String> argv = PROC.cmdline(pid);
            if (argv.isEmpty() ? zombie(pid) : argv.equals(spec.argv())) return pid;
            assertThat(System.nanoTime()).as("the gate execs the program").isLessThan(deadline);
            LockSupport.parkNanos(100_000);
        }
    }

    private static boolean zombie(int pid) {
        String stat = KernelFixture.read(Path.of("/proc/" + pid + "/stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
    }

    /** What a learner could look at of a process, its pid (and its state, which depends on timing) aside. */
    private static Map<String, String> view(int pid) {
        Map<String, String> view = new TreeMap<>();
        view.put("comm", KernelFixture.read(Path.of("/proc/" + pid + "/comm")));
        view.put("exe", readLink("/proc/" + pid + "/exe"));
        view.put("cwd", readLink("/proc/" + pid + "/cwd"));
        view.put("fds", KernelFixture.list(Path.of("/proc/" + pid + "/fd")).toString());
        for (String fd : KernelFixture.list(Path.of("/proc/" + pid + "/fd"))) view.put("fd " + fd, readLink("/proc/" + pid + "/fd/" + fd));
        String status = KernelFixture.read(Path.of("/proc/" + pid + "/status"));
        status.lines().filter(l -> l.matches("(SigBlk|SigIgn|SigCgt|Cap\\w+|NoNewPrivs|Uid|Gid):.*")).forEach(l -> view.put(l.substring(0, l.indexOf(':')), l));
        String stat = KernelFixture.read(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        view.put("session leader", String.valueOf(fields[3].equals(String.valueOf(pid))));
        view.put("group leader", String.valueOf(fields[2].equals(String.valueOf(pid))));
        view.put("ppid is the JVM", String.valueOf(fields[1].equals(String.valueOf(KERNEL.getpid()))));
        return view;
    }

    private static List<String> environ(int pid) {
        try {
            String text = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), java.nio.charset.StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
