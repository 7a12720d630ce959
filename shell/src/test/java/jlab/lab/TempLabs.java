package jlab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A throw-away jlab home: labs/ and lesson-content/ (with namespaces/02-unshare.md) under a test's temp dir. */
final class TempLabs {
    final Path labs;
    final Path lessons;
    final LabLoader loader;

    TempLabs(Path home) {
        labs = home.resolve("labs");
        lessons = home.resolve("lesson-content");
        try {
            Files.createDirectories(labs);
            Files.createDirectories(lessons.resolve("namespaces"));
            Files.writeString(lessons.resolve("namespaces/02-unshare.md"), "# New namespaces\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loader = new LabLoader(lessons, LabLoader.DEFAULT_INSPECTORS);
    }

    Path write(String id, String yaml) {
        try {
            return Files.writeString(labs.resolve(id + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The problems of {@code yaml} written as labs/{@code id}.yaml. */
    List<LabProblem> problems(String id, String yaml) {
        return loader.problems(write(id, yaml));
    }
}
