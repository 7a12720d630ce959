package jlab.sandbox;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import jlab.kernel.Namespace;
import jlab.kernel.ffm.FfmSyscalls;
import jlab.ledger.KernelReleaser;
import jlab.ledger.Ledger;
import jlab.ledger.ProcStartTimes;
import jlab.ledger.ProcessIdentity;

/**
 * A child JVM for {@link SpawnWindowCrashKernelTest}: builds a container with its ledger under args[0] and
 * spawns its init, whose program would create /ran; between the spawn and the ledger's record it prints
 * "SPAWNED &lt;pid&gt; &lt;rootfs&gt;" and waits to be killed with SIGKILL.
 */
public final class SpawnWindowMain {
    public static void main(String[] args) throws Exception {
        var kernel = new FfmSyscalls();
        Ledger ledger = Ledger.open(Path.of(args[0]), ProcessIdentity.self(ProcStartTimes.system()));
        Sandbox sandbox = Sandbox.create(kernel, kernel, ledger, BusyboxRootfs.DEFAULT_BUSYBOX, KernelReleaser.system(kernel));
        sandbox.unshare(EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.NET, Namespace.PID));
        sandbox.makePrivate("/");
        sandbox.commands().beforeRecord(pid -> {
            System.out.println("SPAWNED " + pid + " " + sandbox.rootfs());
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(3); // not killed in time: the test fails on the missing kill, not on a record
        });
        sandbox.spawnInit(List.of("/bin/sh", "-c", "touch /ran; exec sleep 999999999"));
    }
}
