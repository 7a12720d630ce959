package jlab.lab;

import java.nio.file.Files;
import java.nio.file.Path;

/** The jlab checkout: the {@code jlab.home} system property surefire sets, else the first parent with pom.xml and labs/. */
final class RepositoryRoot {
    private RepositoryRoot() {}

    static Path find() {
        String home = System.getProperty("jlab.home");
        if (home != null && !home.isBlank()) return Path.of(home);
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("labs"))) return dir;
        }
        throw new IllegalStateException("no jlab checkout (pom.xml and labs/) above " + Path.of("").toAbsolutePath());
    }
}
