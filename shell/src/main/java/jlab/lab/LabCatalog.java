package jlab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The labs in one directory ({@code labs/}) or along a {@link LabSearchPath}, for {@code jlab list} and
 * {@code jlab start <id>}: the first directory holding an id wins. A broken lab file is reported without hiding
 * the others.
 */
public final class LabCatalog {
    private final List<Path> directories;
    private final Function<Path, LabLoader> loaders;

    public LabCatalog(Path directory, LabLoader loader) {
        this(List.of(directory), file -> loader);
    }

    /** @param loaders the loader for a lab file (its lesson files depend on where it lives) */
    public LabCatalog(List<Path> directories, Function<Path, LabLoader> loaders) {
        this.directories = List.copyOf(directories);
        this.loaders = loaders;
    }

    /** {@code <jlab.home>/labs} with the default loader. */
    public static LabCatalog standard() {
        return new LabCatalog(LabLoader.home().resolve("labs"), new LabLoader());
    }

    /** The first directory searched. */
    /** The labs along {@code path}, each read with its own lesson files ({@link LabSearchPath#lessonRootFor}). */
    public static LabCatalog along(LabSearchPath path, Path home) {
        Path fallback = home.resolve("lesson-content");
        return new LabCatalog(path.directories(),
                file -> new LabLoader(LabSearchPath.lessonRootFor(file, fallback), LabLoader.DEFAULT_INSPECTORS));
    }

    public Path directory() {
        return directories.getFirst();
    }

    public List<Path> directories() {
        return directories;
    }

    /** The loader used for {@code file}. */
    public LabLoader loaderFor(Path file) {
        return loaders.apply(file);
    }

    /** One line of {@code jlab list}. */
    public record Entry(String id, String title, String summary, int stepCount, Path source) {}

    /** The valid labs by id, and the problems of the files that are not. */
    public record Listing(List<Entry> labs, List<LabProblem> problems) {
        public Listing {
            labs = List.copyOf(labs);
            problems = List.copyOf(problems);
        }
    }

    public Listing list() {
        List<Entry> labs = new ArrayList<>();
        List<LabProblem> problems = new ArrayList<>();
        for (Path file : files()) {
            try {
                Lab lab = loaders.apply(file).load(file);
                labs.add(new Entry(lab.id(), lab.title(), lab.summary(), lab.steps().size(), file));
            } catch (LabException e) {
                problems.addAll(e.problems());
            }
        }
        return new Listing(labs, problems);
    }

    /** The lab {@code id}; a typo gets "did you mean", a broken file its problems. */
    public Lab find(String id) throws LabException {
        List<Path> files = files();
        for (Path file : files) {
            if (LabLoader.fileId(file).equals(id)) return loaders.apply(file).load(file);
        }
        List<String> ids = files.stream().map(LabLoader::fileId).toList();
        String suggestion = ids.isEmpty() ? "there are no labs in " + String.join(", ", directories.stream().map(Path::toString).toList()) : Suggestions.didYouMean(id, ids);
        throw new LabException(List.of(new LabProblem(directory(), 0, 0, "no lab '" + id + "'", null, suggestion)));
    }

    /** The lab files, by directory in search order, then by name; an id already found earlier is skipped. */
    public List<Path> files() {
        List<Path> files = new java.util.ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path directory : directories) {
            for (Path file : files(directory)) {
                if (ids.add(LabLoader.fileId(file))) files.add(file);
            }
        }
        return files;
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
