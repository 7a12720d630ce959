package jlab.lab;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Shared step fragments: an item {@code - include: fragments/<name>.yaml} of a lab's steps is replaced by the
 * steps of that file (a YAML list of steps). The path is relative to the lab's directory and may not leave it:
 * no absolute path, no {@code ..}, no symlink that leads outside. A fragment cannot include another. Problems
 * inside a fragment are placed in the fragment's own file.
 */
final class StepIncludes {
    static final String KEY = "include";
    private static final String WHAT = "an include is a path inside the lab's directory, like fragments/setup.yaml";

    private final YamlSource lab;
    private final Path labDirectory;
    private final ObjectMapper mapper;
    private final Problems problems;

    StepIncludes(YamlSource lab, Path labDirectory, ObjectMapper mapper, Problems problems) {
        this.lab = lab;
        this.labDirectory = labDirectory;
        this.mapper = mapper;
        this.problems = problems;
    }

    /** Splices every include of {@code /steps} into the lab's tree; a bad include is reported and left out. */
    void expand() {
        JsonNode steps = lab.at("/steps");
        if (!steps.isArray() || stream(steps).noneMatch(StepIncludes::isInclude)) return;
        List<YamlSource.Spliced> items = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            String pointer = "/steps/" + i;
            JsonNode item = steps.get(i);
            if (!isInclude(item)) {
                items.add(new YamlSource.Spliced(lab, pointer));
                continue;
            }
            if (item.size() > 1) {
                report(lab, pointer, false, "an include stands alone in its list item, without other keys",
                        "write `- include: " + item.get(KEY).asText() + "` as its own item");
                continue;
            }
            YamlSource fragment = fragment(item.get(KEY), pointer + "/" + KEY);
            if (fragment == null) continue;
            for (int j = 0; j < fragment.tree().size(); j++) items.add(new YamlSource.Spliced(fragment, "/" + j));
        }
        lab.spliceSteps(items);
    }

    private static boolean isInclude(JsonNode item) {
        return item != null && item.isObject() && item.has(KEY);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        array.forEach(all::add);
        return all.stream();
    }

    /** The parsed fragment the include names, or null (reported). */
    private YamlSource fragment(JsonNode value, String at) {
        if (!value.isTextual() || value.asText().isBlank()) {
            report(lab, at, false, WHAT + ", not " + YamlSource.shapeOf(value), null);
            return null;
        }
        String text = value.asText();
        Path relative;
        try {
            relative = Path.of(text);
        } catch (InvalidPathException e) {
            report(lab, at, false, "'" + text + "' is not a file name", null);
            return null;
        }
        if (relative.isAbsolute()) {
            report(lab, at, false, WHAT + "; '" + text + "' is absolute", "write it relative to " + labDirectory);
            return null;
        }
        if (Stream.of(text.split("/")).anyMatch(".."::equals)) {
            report(lab, at, false, WHAT + "; '..' would leave it", "keep shared fragments below " + labDirectory);
            return null;
        }
        Path file = labDirectory.resolve(relative);
        if (!Files.isRegularFile(file)) {
            report(lab, at, false, "fragment '" + text + "' not found in " + labDirectory,
                    Suggestions.closest(text, siblings(file)).map(s -> "did you mean '" + s + "'?").orElse(null));
            return null;
        }
        try {
            if (!file.toRealPath().startsWith(labDirectory.toRealPath())) {
                report(lab, at, false, "fragment '" + text + "' is a symlink that leads outside the lab's directory ("
                        + file.toRealPath() + ")", "copy the fragment into " + labDirectory);
                return null;
            }
            YamlSource fragment = YamlSource.parse(file, Files.readString(file), mapper, problems);
            return shapeOk(fragment) ? fragment : null;
        } catch (CharacterCodingException e) {
            report(lab, at, false, "fragment '" + text + "' is not UTF-8 text", null);
        } catch (IOException e) {
            report(lab, at, false, "cannot read fragment '" + text + "': " + e.getMessage(), null);
        }
        return null;
    }

    private boolean shapeOk(YamlSource fragment) {
        JsonNode root = fragment.tree();
        if (root == null) return false; // its syntax error was reported in its own file
        if (!root.isArray()) {
            report(fragment, "", false, "a fragment is a list of steps (each starting with '- id:'), not "
                    + YamlSource.shapeOf(root), null);
            return false;
        }
        boolean ok = true;
        for (int j = 0; j < root.size(); j++) {
            if (isInclude(root.get(j))) {
                report(fragment, "/" + j + "/" + KEY, true, "a fragment cannot include another fragment",
                        "include both from the lab");
                ok = false;
            }
        }
        return ok;
    }

    private List<String> siblings(Path file) {
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> labDirectory.relativize(f).toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void report(YamlSource in, String pointer, boolean atKey, String message, String suggestion) {
        problems.add(in.problem(pointer, atKey, message, suggestion));
    }
}
