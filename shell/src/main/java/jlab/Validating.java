package jlab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jlab.lab.LabCatalog;
import jlab.lab.LabLoader;
import jlab.lab.LabSearchPath;
import jlab.lab.LabProblem;
import jlab.lab.LabSchema;

/**
 * {@code jlab validate [--json] <file|dir>…}: every problem of every lab file with file:line:col, the offending
 * line and a suggestion; exit 0 when all are valid, 1 otherwise, 2 for a usage mistake. {@code --json} prints
 * one document (version 1) for editors and CI. Also {@code jlab schema [--write]}.
 */
final class Validating {
    /** Version of the {@code --json} shape; raised when a field changes meaning or disappears. */
    static final int JSON_VERSION = 1;

    private Validating() {}

    /** One file's verdict. */
    record FileResult(Path file, List<LabProblem> problems) {
        boolean ok() { return problems.isEmpty(); }
    }

    static int validate(Path home, List<String> args, PrintStream out, PrintStream err) {
        return validate(home, LabSearchPath.standard(home), args, out, err);
    }

    /** Without targets: every lab along {@code labs}; a target that is no file but a lab id: that lab. */
    static int validate(Path home, LabSearchPath labs, List<String> args, PrintStream out, PrintStream err) {
        boolean json = args.contains("--json");
        List<String> targets = args.stream().filter(a -> !a.equals("--json")).toList();
        if (targets.stream().anyMatch(a -> a.startsWith("-"))) {
            err.println("usage: jlab validate [--json] <file|dir>…");
            return 2;
        }
        List<FileResult> results = new ArrayList<>();
        for (Path file : targets(home, labs, targets)) {
            results.add(new FileResult(file, loaderFor(home, file).problems(file)));
        }
        if (json) {
            out.println(toJson(results));
        } else {
            for (FileResult r : results) {
                if (r.ok()) out.println("ok  " + r.file());
                else r.problems().forEach(p -> out.println(p.render() + "\n"));
            }
            long bad = results.stream().filter(r -> !r.ok()).count();
            int count = results.stream().mapToInt(r -> r.problems().size()).sum();
            out.println(results.size() + " lab file(s), " + bad + " with problems (" + count + " in all)");
        }
        return results.stream().allMatch(FileResult::ok) && !results.isEmpty() ? 0 : 1;
    }

    /** The lab files the arguments name: files, directories, lab ids along the search path; none: all labs. */
    static List<Path> targets(Path home, LabSearchPath labs, List<String> targets) {
        LabCatalog catalog = LabCatalog.along(labs, home);
        if (targets.isEmpty()) return catalog.files();
        List<Path> files = new ArrayList<>();
        for (String target : targets) {
            Path path = Path.of(target);
            boolean labId = !Files.exists(path) && target.matches("[a-z0-9-]+");
            Optional<Path> found = labId
                    ? catalog.files().stream().filter(f -> LabLoader.fileId(f).equals(target)).findFirst()
                    : Optional.empty();
            files.addAll(labId ? List.of(found.orElse(home.resolve("labs").resolve(target + ".yaml"))) : labFiles(path));
        }
        return files;
    }

    /** The .yaml files of a directory (by name), or the file itself (a missing one is reported by the loader). */
    static List<Path> labFiles(Path target) {
        if (!Files.isDirectory(target)) return List.of(target);
        try (var stream = Files.list(target)) {
            return stream.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            return List.of(target);
        }
    }

    /** Lesson files in the lab's own directory tree (labs outside the checkout), else home's. */
    static LabLoader loaderFor(Path home, Path labFile) {
        Path lessons = LabSearchPath.lessonRootFor(labFile, home.resolve("lesson-content"));
        return new LabLoader(lessons, LabLoader.DEFAULT_INSPECTORS);
    }

    static String toJson(List<FileResult> results) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", JSON_VERSION);
        doc.put("ok", results.stream().allMatch(FileResult::ok));
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileResult r : results) {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("file", r.file().toString());
            file.put("ok", r.ok());
            List<Map<String, Object>> problems = new ArrayList<>();
            for (LabProblem p : r.problems()) {
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("line", p.line());
                problem.put("column", p.column());
                problem.put("message", p.message());
                problem.put("excerpt", p.excerpt());
                problem.put("suggestion", p.suggestion());
                problem.put("text", p.headline());
                problems.add(problem);
            }
            file.put("problems", problems);
            files.add(file);
        }
        doc.put("files", files);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }

    /** {@code jlab schema}: prints the generated schema; {@code --write} updates the shipped copy. */
    static int schema(Path home, List<String> args, PrintStream out) throws IOException {
        String schema = LabSchema.generate();
        if (!args.contains("--write")) {
            out.print(schema);
            return 0;
        }
        Path shipped = home.resolve(LabSchema.SHIPPED);
        boolean same = Files.isRegularFile(shipped) && Files.readString(shipped).equals(schema);
        if (!same) Files.writeString(shipped, schema);
        out.println((same ? "unchanged: " : "wrote ") + shipped);
        return 0;
    }
}
