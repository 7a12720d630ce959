package jlab.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A releaser for unit tests: remembers what it was asked to release, in order, fails on the resources
 * it is told to, and really deletes directories (they are the test's own temp dirs) so that
 * session-directory removal can be observed.
 */
final class RecordingReleaser implements Releaser {
    private final List<Resource> released = new ArrayList<>();
    private final Set<Resource> failing = new HashSet<>();

    RecordingReleaser failOn(Resource resource) {
        failing.add(resource);
        return this;
    }

    RecordingReleaser stopFailing() {
        failing.clear();
        return this;
    }

    List<Resource> released() {
        return List.copyOf(released);
    }

    @Override public String release(Resource resource) {
        if (failing.contains(resource)) throw new ReleaseException("test says no to " + resource.describe());
        released.add(resource);
        if (resource instanceof Resource.Directory(Path dir)) deleteTree(dir);
        return "released by test";
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
