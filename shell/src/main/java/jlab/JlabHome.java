package jlab;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where labs/ and lesson-content/ are: -Djlab.home (set by the launcher), else beside the jar's checkout. */
final class JlabHome {
    private JlabHome() {}

    static Path find() {
        String property = System.getProperty("jlab.home");
        if (property != null && !property.isBlank()) return Path.of(property).toAbsolutePath().normalize();
        try {
            Path here = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = here; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("labs")) && Files.isDirectory(p.resolve("lesson-content"))) return p;
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }
}
