package jlab.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where labs are looked up, in order (earlier wins for a lab id found twice): the {@code --labs <dir>} options,
 * then the directories of {@code JLAB_LABS} (colon-separated, like PATH), then the repository's {@code labs/}.
 * A lab's lesson files are found in its own directory tree ({@link #lessonRootFor}).
 */
public record LabSearchPath(List<Path> directories, Path standard) {
    /** The environment variable with extra lab directories. */
    public static final String ENV = "JLAB_LABS";

    public LabSearchPath {
        directories = List.copyOf(directories);
    }

    /** {@code options} first, then {@code env} (may be null), then {@code <home>/labs}; duplicates kept once. */
    public static LabSearchPath of(List<Path> options, String env, Path home) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Path p : options) dirs.add(p.toAbsolutePath().normalize());
        if (env != null) {
            for (String part : env.split(":")) {
                if (!part.isBlank()) dirs.add(Path.of(part).toAbsolutePath().normalize());
            }
        }
        Path standard = home.resolve("labs").toAbsolutePath().normalize();
        dirs.add(standard);
        return new LabSearchPath(new ArrayList<>(dirs), standard);
    }

    /** Only the repository's labs. */
    public static LabSearchPath standard(Path home) {
        return of(List.of(), null, home);
    }

    /** Whether {@code dir} is the repository's labs/ (labs from there are listed without an origin). */
    public boolean isStandard(Path dir) {
        return dir.toAbsolutePath().normalize().equals(standard);
    }

    /**
     * Where the {@code text:} files of the lab in {@code labFile} are: {@code lesson-content/} beside the lab
     * file, else beside its directory (the repository's layout, labs/ next to lesson-content/), else
     * {@code fallback}.
     */
    public static Path lessonRootFor(Path labFile, Path fallback) {
        Path dir = labFile.toAbsolutePath().normalize().getParent();
        if (dir != null) {
            Path inside = dir.resolve("lesson-content");
            if (Files.isDirectory(inside)) return inside;
            Path parent = dir.getParent();
            if (parent != null && Files.isDirectory(parent.resolve("lesson-content"))) return parent.resolve("lesson-content");
        }
        return fallback;
    }
}
