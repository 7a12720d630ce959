package jlab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The labs in a directory ({@code labs/}), for {@code jlab list} and {@code jlab start <id>}. A broken lab file
 * is reported without hiding the others.
 */
public final class LabCatalog {
    private final Path directory;
    private final LabLoader loader;

    public LabCatalog(Path directory, LabLoader loader) {
        this.directory = directory;
        this.loader = loader;
    }

    /** {@code <jlab.home>/labs} with the default loader. */
    public static LabCatalog standard() {
        return new LabCatalog(LabLoader.home().resolve("labs"), new LabLoader());
    }

    public Path directory() {
        return directory;
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
                Lab lab = loader.load(file);
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
            if (LabLoader.fileId(file).equals(id)) return loader.load(file);
        }
        List<String> ids = files.stream().map(LabLoader::fileId).toList();
        String suggestion = ids.isEmpty() ? "there are no labs in " + directory : Suggestions.didYouMean(id, ids);
        throw new LabException(List.of(new LabProblem(directory, 0, 0, "no lab '" + id + "'", null, suggestion)));
    }

    /** The lab files, by name. */
    public List<Path> files() {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
