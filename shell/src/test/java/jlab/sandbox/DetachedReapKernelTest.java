package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.ledger.Resource;
import jlab.proc.ProcFs;
import jlab.proc.ProcStatus;

/**
 * The processes jlab starts without waiting for them (a lab's {@code spawn:}) are jlab's children, so jlab
 * must reap them once they exit, as the pid1 lab teaches: the cgroups lab kills its busy loop, and it must
 * not stay behind as a zombie that {@code ps} shows and pids.max counts. Zombies of other parents are not
 * jlab's to reap: they stay.
 */
@Tag("kernel")
class DetachedReapKernelTest {
    private static final long WAIT_NANOS = 3_000_000_000L;
    private final ProcFs proc = new ProcFs();
    private ContainerFixture c;
    private int init;

    @BeforeEach
    void open() throws IOException {
        c = new ContainerFixture(List.of("/bin/sleep", "999999999"));
        init = c.sandbox.initPid().getAsInt();
        c.sandbox.mounts().mountProc(true);
    }

    @AfterEach
    void close() throws IOException {
        c.close();
    }

    @Test
    void aKilledDetachedProcessIsReapedAndLeavesTheLedger() {
        int loop = c.sandbox.commands().spawnDetached(List.of("/bin/sh", "-c", "echo $$ >/tmp/busy.pid; while :; do :; done"));
        assertThat(processesInLedger()).contains(loop);
        c.run("sh", "-c", "while [ ! -s /tmp/busy.pid ]; do sleep 0.05; done; kill $(cat /tmp/busy.pid)");

        String ps = psUntil(out -> !out.contains(" Z "));
        assertThat(ps).as("ps in the container after the kill").doesNotContain(" Z ").doesNotContain("[sh]");
        assertThat(proc.status(loop)).as("the loop is reaped, its pid free").isEmpty();
        assertThat(processesInLedger()).as("a reaped process leaves the ledger").doesNotContain(loop);
    }

    @Test
    void aDetachedProcessThatExitsByItselfIsReaped() {
        int quick = c.sandbox.commands().spawnDetached(List.of("/bin/sh", "-c", "exit 3"));
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (proc.status(quick).isPresent() && System.nanoTime() < deadline) LockSupport.parkNanos(10_000_000L);
        assertThat(proc.status(quick)).as("no zombie of jlab's").isEmpty();
        assertThat(processesInLedger()).doesNotContain(quick);
    }

    @Test
    void zombiesOfOtherParentsStay() {
        // the detached shell's child exits while its parent, exec'd into sleep, never waits; the workload's
        // children go to the init, which never waits either
        int parent = c.sandbox.commands().spawnDetached(List.of("/bin/sh", "-c", "sleep 0 & exec sleep 1000"));
        c.run("sh", "-c", "sleep 0.05 & sleep 0.05 & exec sleep 0.2");
        LockSupport.parkNanos(300_000_000L);
        c.run("true");

        assertThat(zombiesOf(init)).as("the init's zombies").hasSize(2);
        assertThat(zombiesOf(parent)).as("the zombie of a process jlab started, not jlab's child").hasSize(1);
        assertThat(proc.status(parent).orElseThrow().zombie()).isFalse();
    }

    private List<ProcStatus> zombiesOf(int parent) {
        return proc.pids().stream().map(proc::status).flatMap(java.util.Optional::stream)
                .filter(s -> s.ppid() == parent && s.zombie()).toList();
    }

    /** Runs ps in the container until its output satisfies {@code done} or time runs out; returns the last. */
    private String psUntil(java.util.function.Predicate<String> done) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        String out = c.run("ps", "-o", "pid,ppid,stat,args");
        while (!done.test(out) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000L);
            out = c.run("ps", "-o", "pid,ppid,stat,args");
        }
        return out;
    }

    private List<Integer> processesInLedger() {
        return c.sandbox.ledger().live().stream()
                .<Integer>mapMulti((r, down) -> { if (r instanceof Resource.Process p) down.accept(p.pid()); })
                .toList();
    }
}
