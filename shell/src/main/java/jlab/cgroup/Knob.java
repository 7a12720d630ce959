package jlab.cgroup;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A limit a lab sets, named by its cgroup v2 file: labs speak v2 and the v1 backend translates
 * ({@code cpu.max} becomes cpu.cfs_quota_us and cpu.cfs_period_us, {@code memory.max}
 * memory.limit_in_bytes, ...).
 */
public enum Knob {
    CPU_MAX("cpu.max", Controller.CPU),
    CPU_WEIGHT("cpu.weight", Controller.CPU),
    MEMORY_MAX("memory.max", Controller.MEMORY),
    MEMORY_HIGH("memory.high", Controller.MEMORY),
    MEMORY_SWAP_MAX("memory.swap.max", Controller.MEMORY),
    PIDS_MAX("pids.max", Controller.PIDS);

    private final String file;
    private final Controller controller;

    Knob(String file, Controller controller) {
        this.file = file;
        this.controller = controller;
    }

    /** The v2 file name, e.g. {@code cpu.max}. */
    public String file() { return file; }

    public Controller controller() { return controller; }

    public static Optional<Knob> byFile(String file) {
        return Arrays.stream(values()).filter(k -> k.file.equals(file)).findFirst();
    }

    public static List<String> files() {
        return Arrays.stream(values()).map(Knob::file).toList();
    }
}
