package jlab;

import java.nio.file.Path;

import jlab.engine.LabSession;

/**
 * A child JVM for {@link CrashCleanupKernelTest}: starts a lab with its ledger under args[0], walks to step
 * args[2] of lab args[1], prints "READY <init pid>", and waits to be killed with SIGKILL.
 */
public final class LabToStepMain {
    public static void main(String[] args) throws InterruptedException {
        LabLibrary labs = new LabLibrary(JlabHome.find(), System.err::println, Path.of(args[0]));
        LabSession session = labs.start(args[1]);
        int steps = Integer.parseInt(args[2]);
        for (int i = 0; i < steps; i++) session.goTo(i);
        var pids = session.show("pids");
        System.out.println("READY " + pids.rows().size());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
