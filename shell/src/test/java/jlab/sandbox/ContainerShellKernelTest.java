package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.kernel.WaitStatus;
import jlab.kernel.WindowSize;
import jlab.proc.ProcFs;
import jlab.proc.ProcStat;

/**
 * The interactive shell driven through a real pseudo-terminal: jlab's side of the pty is the test, which
 * types into the master and reads what the container's shell prints. The fixture proves nothing is left.
 */
@Tag("kernel")
class ContainerShellKernelTest {
    /** Long enough for a loaded 2-core machine; a passing run waits only for the output it needs. */
    private static final long DEADLINE_NANOS = 60_000_000_000L;
    /** PS1 is {@code \\h:\\w\\$ }. */
    private static final String PROMPT = "pty-lab:/# ";
    private final ProcFs proc = new ProcFs();
    private ContainerFixture c;
    private ContainerShell shell;
    private final StringBuilder seen = new StringBuilder();

    @BeforeEach
    void open() throws IOException {
        c = new ContainerFixture(List.of("/bin/sleep", "999999999"));
        c.sandbox.sethostname("pty-lab");
        shell = c.sandbox.commands().openShell("vt100", new WindowSize(31, 97));
    }

    @AfterEach
    void close() throws IOException {
        try {
            if (shell != null) shell.close();
        } finally {
            c.close();
        }
    }

    @Test
    void theShellRunsOnItsOwnControllingTerminalInsideTheContainer() throws IOException {
        assertThat(shell.tty()).isEqualTo("/dev/pts/0");
        assertThat(inLedger()).as("the shell is in the ledger while it lives").isTrue();
        assertThat(fdTargets(shell.pid())).as("its streams are the tty; nothing of jlab's gate is left")
                .contains(c.sandbox.hostPath("/dev/pts/0").toString()).noneMatch(t -> t.startsWith("pipe:"));
        type("echo pid=$$; tty; stty size; hostname; echo term=$TERM shlvl=$SHLVL; exit\n");
        String out = readToEnd();
        assertThat(group(out, "pid=(\\d+)\r\n")).as("the shell is not the container's PID 1").isNotEqualTo("1");
        assertThat(out).contains("\r\n/dev/pts/0\r\n").as("tty names the container's own pty")
                .contains("\r\n31 97\r\n").as("stty size shows what TIOCSWINSZ set")
                .contains("\r\npty-lab\r\n").as("the container's hostname")
                .contains("\r\nterm=vt100 shlvl=1\r\n").as("the terminal type jlab was given; a first-level shell");
        assertThat(shell.status()).contains(new WaitStatus.Exited(shell.pid(), 0));
        assertThat(Path.of("/proc/" + shell.pid())).as("reaped").doesNotExist();
        assertThat(inLedger()).as("and released from the ledger").isFalse();
    }

    private static List<String> fdTargets(int pid) throws IOException {
        try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            List<String> targets = new java.util.ArrayList<>();
            for (Path fd : fds.toList()) targets.add(Files.readSymbolicLink(fd).toString());
            return targets;
        }
    }

    private boolean inLedger() {
        return c.sandbox.ledger().live().stream()
                .anyMatch(r -> r instanceof jlab.ledger.Resource.Process p && p.pid() == shell.pid());
    }

    @Test
    void ctrlCInterruptsTheForegroundJobAndTheShellSurvivesUntilCtrlD() {
        type("sleep 100\n");
        ProcStat sleep = awaitChild("sleep");
        ProcStat sh = proc.stat(shell.pid()).orElseThrow();
        assertThat(pgrp(sleep)).as("job control: the job has a process group of its own").isEqualTo(sleep.pid())
                .isNotEqualTo(pgrp(sh));
        assertThat(foregroundGroup(sleep)).as("and it is the terminal's foreground group").isEqualTo(sleep.pid());

        type("\u0003");
        type("echo status=$?\n");
        assertThat(group(readUntil(Pattern.compile("status=(\\d+)\r\n")), "status=(\\d+)\r\n"))
                .as("sleep was killed by SIGINT").isEqualTo("130");
        assertThat(Path.of("/proc/" + sleep.pid())).doesNotExist();
        assertThat(proc.stat(shell.pid())).as("the shell survived ^C").isPresent();

        type("stty size\n");
        readUntil(Pattern.compile("\r\n31 97\r\n"));
        shell.resize(new WindowSize(40, 120));
        type("stty size\n");
        // ^D ends input only at the start of a line the shell is reading: typed earlier, while the tty is
        // still canonical for the command before, it would be a line of its own that the shell never sees
        readUntil(Pattern.compile("\r\n40 120\r\n" + PROMPT));

        type("\u0004");
        readToEnd();
        assertThat(shell.status()).get().isInstanceOf(WaitStatus.Exited.class);
        assertThat(Path.of("/proc/" + shell.pid())).as("reaped").doesNotExist();
    }

    @Test
    void devPtmxLeadsToTheContainersOwnDevpts() {
        assertThat(c.sandbox.hostPath("/dev/ptmx")).isSymbolicLink();
        type("readlink /dev/ptmx; exec 3<>/dev/ptmx; ls /dev/pts | tr '\\n' ' '; echo; exec 3<&-; exit\n");
        String out = readToEnd();
        assertThat(out).contains("\r\npts/ptmx\r\n")
                .as("opening /dev/ptmx made pty 1 of the container's instance, next to the shell's 0")
                .contains("\r\n0 1 ptmx \r\n");
    }

    @Test
    void closingAShellThatStillRunsHangsItUpAndReapsIt() {
        type("echo ready\n");
        readUntil(Pattern.compile("\r\nready\r\n"));
        WaitStatus status = shell.end();
        assertThat(status).isNotInstanceOf(WaitStatus.StillRunning.class);
        assertThat(Path.of("/proc/" + shell.pid())).doesNotExist();
    }

    @Test
    void throughTheCgroupGateTheShellStillGetsItsTerminal() {
        shell.close();
        var placed = new java.util.concurrent.CopyOnWriteArrayList<Integer>();
        c.sandbox.placeNewProcessesWith(placed::add);
        shell = c.sandbox.commands().openShell("vt100", new WindowSize(20, 70));
        assertThat(placed).as("placed before it became the shell").containsExactly(shell.pid());
        assertThat(shell.tty()).matches("/dev/pts/\\d+");
        type("tty; stty size; sleep 100\n");
        ProcStat sleep = awaitChild("sleep");
        assertThat(foregroundGroup(sleep)).as("job control through the gate").isEqualTo(sleep.pid());
        type("\u0003");
        assertThat(readUntil(Pattern.compile("\\^C\r\n" + PROMPT))).contains("\r\n" + shell.tty() + "\r\n", "\r\n20 70\r\n");
        type("exit 7\n");
        readToEnd();
        assertThat(shell.status()).contains(new WaitStatus.Exited(shell.pid(), 7));
    }

    private void type(String keys) {
        byte[] bytes = keys.getBytes(StandardCharsets.UTF_8);
        shell.write(bytes, 0, bytes.length);
    }

    /** Reads until {@code pattern} shows up in what the shell printed so far; fails after the deadline. */
    private String readUntil(Pattern pattern) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        byte[] buffer = new byte[4096];
        while (!pattern.matcher(seen).find()) {
            assertThat(System.nanoTime()).as("waiting for " + pattern + " in:\n" + seen).isLessThan(deadline);
            int n = shell.read(buffer, 100);
            assertThat(n).as("the shell ended before printing " + pattern + ":\n" + seen).isNotNegative();
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        String out = seen.toString();
        seen.setLength(0);
        return out;
    }

    /** Reads until the shell has ended and everything it wrote is read. */
    private String readToEnd() {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        byte[] buffer = new byte[4096];
        int n;
        while ((n = shell.read(buffer, 100)) >= 0) {
            assertThat(System.nanoTime()).as("waiting for the shell to end:\n" + seen).isLessThan(deadline);
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in:\n" + text).isTrue();
        return m.group(1);
    }

    private ProcStat awaitChild(String comm) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (true) {
            Optional<ProcStat> child = proc.pids().stream().map(proc::stat).flatMap(Optional::stream)
                    .filter(s -> s.ppid() == shell.pid() && s.comm().equals(comm)).findFirst();
            if (child.isPresent()) return child.get();
            assertThat(System.nanoTime()).as("waiting for " + comm + " under the shell").isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
    }

    /** Fields 5 (pgrp) and 8 (tpgid) of /proc/PID/stat, which ProcStat does not keep. */
    private static int statField(int pid, int field) {
        try {
            String text = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] rest = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(rest[field - 3]);
        } catch (IOException e) {
            throw new AssertionError("cannot read /proc/" + pid + "/stat", e);
        }
    }

    private static int pgrp(ProcStat s) { return statField(s.pid(), 5); }

    private static int foregroundGroup(ProcStat s) { return statField(s.pid(), 8); }
}
