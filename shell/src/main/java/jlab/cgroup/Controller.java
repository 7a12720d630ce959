package jlab.cgroup;

import java.util.Locale;
import java.util.Optional;

/** The controllers labs limit. On v1, CPU usage comes from the separate cpuacct hierarchy when it is one. */
public enum Controller {
    CPU, MEMORY, PIDS;

    /** The kernel's name: {@code cpu}, {@code memory}, {@code pids}. */
    public String kernelName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Controller> parse(String name) {
        for (Controller c : values()) {
            if (c.kernelName().equals(name.strip().toLowerCase(Locale.ROOT))) return Optional.of(c);
        }
        return Optional.empty();
    }
}
