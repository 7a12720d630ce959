package jlab;

import java.io.PrintStream;

import jlab.doctor.Doctor;

/** {@code jlab doctor}: the machine checks, as a table, exit status 1 when one fails. */
final class Doctoring {
    private Doctoring() {}

    static int run(PrintStream out) {
        var report = Doctor.forThisMachine(Kernel.syscalls()).run();
        out.print(report.render(Doctor.colorWanted()));
        return report.exitStatus();
    }
}
