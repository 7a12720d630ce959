package jlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jlab.kernel.SpawnSpec;
import jlab.kernel.Syscalls;

/**
 * An OCI bundle for {@code runc run}: the config {@code runc spec} writes, changed to run {@code /bin/true}
 * without a terminal in the benchmark's busybox rootfs. Each run uses a new container id; {@code runc run}
 * deletes the container when its process exits.
 */
final class RuncBundle {
    private final Path runc;
    private final Path dir;
    private int counter;

    private RuncBundle(Path runc, Path dir) {
        this.runc = runc;
        this.dir = dir;
    }

    static RuncBundle create(Path runc, Workspace workspace) throws IOException {
        Path dir = Files.createDirectory(workspace.dir().resolve("bundle"));
        Process spec = new ProcessBuilder(runc.toString(), "spec").directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(spec.getInputStream().readAllBytes());
            if (spec.waitFor() != 0) throw new IOException("runc spec failed: " + output.strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running runc spec", e);
        }
        Path config = dir.resolve("config.json");
        String json = Files.readString(config)
                .replaceFirst("\"terminal\":\\s*true", "\"terminal\": false")
                .replaceFirst("\"args\":\\s*\\[\\s*\"sh\"\\s*\\]", "\"args\": [\"/bin/true\"]")
                .replaceFirst("\"path\":\\s*\"rootfs\"", "\"path\": \"" + workspace.rootfs() + "\"");
        Files.writeString(config, json);
        return new RuncBundle(runc, dir);
    }

    void runOnce(Syscalls kernel) {
        String id = "jlab-bench-" + ProcessHandle.current().pid() + "-" + counter++;
        List<String> argv = List.of("runc", "run", "--bundle", dir.toString(), id);
        int pid = kernel.spawn(SpawnSpec.of(runc.toString(), argv));
        ContainerBench.expectSuccess(String.join(" ", argv), kernel.waitpid(pid, false));
    }
}
