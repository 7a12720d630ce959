package jlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jlab.ledger.LedgerContents;
import jlab.ledger.Resource;

/**
 * A second JVM for crash tests: it runs {@code main} on this test's class path (jlab's home set, native access
 * allowed) until the test SIGKILLs it; its stderr goes to the test's. And what the sessions it left under a
 * base directory still list as live processes in their ledgers.
 */
public final class ChildJvm {
    private ChildJvm() {}

    public static Process start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djlab.home=" + JlabHome.find(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The processes the ledgers of every session under {@code base} still hold as live. */
    public static List<Resource.Process> recordedProcesses(Path base) throws IOException {
        try (var sessions = Files.list(base)) {
            return sessions.flatMap(dir -> {
                try {
                    return LedgerContents.read(dir.resolve("ledger.jsonl")).live().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(r -> r instanceof Resource.Process).map(r -> (Resource.Process) r).toList();
        }
    }
}
