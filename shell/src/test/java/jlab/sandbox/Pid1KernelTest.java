package jlab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import jlab.kernel.Signal;
import jlab.proc.ProcFs;
import jlab.proc.ProcStatus;

/**
 * PID 1 against the real kernel: orphans re-parented to it, zombies piling up under an init that never
 * waits and not under tini, signals without a handler dropped, and SIGKILL from the host ending everything.
 */
@Tag("kernel")
class Pid1KernelTest {
    /** Three children exit while their parent (exec'd into sleep) never waits; then it exits and orphans them. */
    private static final String WORKLOAD = "sleep 0.05 & sleep 0.05 & sleep 0.05 & exec sleep 0.4";
    private final ProcFs proc = new ProcFs();
    private ContainerFixture c;
    private int init;

    @BeforeEach
    void open() throws IOException {
        c = new ContainerFixture(List.of("/bin/sleep", "999999999"));
        init = c.sandbox.initPid().getAsInt();
    }

    @AfterEach
    void close() throws IOException {
        c.close();
    }

    private List<ProcStatus> zombiesOfInit() {
        return proc.pids().stream().map(proc::status).flatMap(java.util.Optional::stream)
                .filter(s -> s.ppid() == init && s.zombie()).toList();
    }

    @Test
    void orphansBecomeZombiesOfAnInitThatNeverWaits() {
        c.run("sh", "-c", WORKLOAD);
        assertThat(zombiesOfInit()).hasSize(3).allSatisfy(z -> assertThat(z.nsPids()).hasSize(2));
        c.run("sh", "-c", WORKLOAD);
        assertThat(zombiesOfInit()).as("the count grows with every run").hasSize(6);
    }

    @Test
    void tiniAsSubreaperReapsTheSameWorkload() {
        c.sandbox.install("tini");
        String out = c.run("tini", "-s", "--", "sh", "-c", WORKLOAD);
        assertThat(out).isEmpty();
        assertThat(zombiesOfInit()).isEmpty();
        c.sandbox.mounts().mountProc(true); // unshare --mount-proc remounts an existing /proc mount
        assertThat(c.run("unshare", "--pid", "--fork", "--mount-proc", "tini", "--", "sh", "-c",
                "sh -c '" + WORKLOAD.replace("0.4", "0.2") + "'; sleep 0.2; ps -o stat | grep -c Z || true"))
                .as("no zombie inside a namespace whose PID 1 is tini").isEqualTo("0\n");
    }

    @Test
    void pid1IgnoresSignalsWithoutAHandlerEvenSigkillFromInside() {
        c.run("kill", "-TERM", "1");
        c.run("kill", "-KILL", "1");
        c.sandbox.signalInit(Signal.SIGTERM);
        LockSupport.parkNanos(200_000_000L);
        assertThat(c.sandbox.initRunning()).isTrue();
        assertThat(proc.stat(init).orElseThrow().state()).isEqualTo('S');
    }

    @Test
    void sigkillFromTheHostEndsEveryProcessOfTheNamespace() {
        int loop = c.sandbox.commands().spawnDetached(List.of("/bin/sh", "-c", "while :; do sleep 1; done"));
        c.run("sh", "-c", WORKLOAD);
        List<Integer> zombies = zombiesOfInit().stream().map(ProcStatus::pid).toList();
        assertThat(zombies).hasSize(3);
        c.sandbox.signalInit(Signal.SIGKILL);
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (c.sandbox.initRunning() && System.nanoTime() < deadline) LockSupport.parkNanos(5_000_000L);
        assertThat(c.sandbox.initRunning()).isFalse();
        assertThat(proc.status(loop)).as("a process jlab started in the namespace is gone (and reaped)").isEmpty();
        assertThat(zombies).allSatisfy(z -> assertThat(proc.status(z)).as("zombie " + z).isEmpty());
        assertThat(proc.status(init).orElseThrow().zombie()).as("init waits for jlab, its parent, to reap it").isTrue();
    }
}
