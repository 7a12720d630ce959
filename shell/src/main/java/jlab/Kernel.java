package jlab;

import jlab.kernel.Syscalls;
import jlab.kernel.ffm.FfmSyscalls;

/** The one real kernel of this process. */
final class Kernel {
    private static final Syscalls SYSCALLS = new FfmSyscalls();

    private Kernel() {}

    static Syscalls syscalls() { return SYSCALLS; }
}
