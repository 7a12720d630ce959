package jlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Where the figures came from: they mean little without the machine, its load and the JDK. */
record Machine(String when, String kernel, String cpu, int cpus, String load, String java) {
    static final String DASH = "-";

    static Machine current() {
        return new Machine(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), cpuModel(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), "Java " + Runtime.version());
    }

    String describe() {
        return when + ", " + kernel + ", " + cpus + " CPU(s) " + cpu + ", load average " + load + ", " + java;
    }

    String json() {
        return "{\"when\":" + Report.str(when) + ",\"kernel\":" + Report.str(kernel) + ",\"cpu\":" + Report.str(cpu)
                + ",\"cpus\":" + cpus + ",\"load\":" + Report.str(load) + ",\"java\":" + Report.str(java) + "}";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }
}
