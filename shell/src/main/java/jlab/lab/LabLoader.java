package jlab.lab;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads {@code labs/<id>.yaml} into a {@link Lab}: parses the YAML, maps it with Jackson, validates it, and
 * reports every problem found (not just the first) as a {@link LabException}. Thread-safe.
 */
public final class LabLoader {
    /** The inspectors {@code observe:} may name when none are given: the engine's at the time of writing. */
    public static final Set<String> DEFAULT_INSPECTORS = Set.of("namespaces", "ns", "pids", "mounts", "uts", "net", "network",
            "links", "overlay", "overlayfs", "layers", "cgroup", "cgroups");

    private final Path lessonRoot;
    private final Set<String> inspectors;
    /** Draws the vars; null: {@code JLAB_SEED}, else fresh for every load (every session). */
    private final Long seed;
    /** Values that replace the draw for the vars of these names (a resumed learner keeps theirs). */
    private final Map<String, String> fixedVars;

    /** Lesson files under {@code <jlab.home>/lesson-content}, the default inspectors. */
    public LabLoader() {
        this(home().resolve("lesson-content"), DEFAULT_INSPECTORS);
    }

    /** @param lessonRoot where {@code text:} paths are resolved; @param inspectors names {@code observe:} accepts */
    public LabLoader(Path lessonRoot, Set<String> inspectors) {
        this(lessonRoot, inspectors, null, Map.of());
    }

    private LabLoader(Path lessonRoot, Set<String> inspectors, Long seed, Map<String, String> fixedVars) {
        this.lessonRoot = lessonRoot;
        this.inspectors = Set.copyOf(inspectors);
        this.seed = seed;
        this.fixedVars = Map.copyOf(fixedVars);
    }

    /** This loader with a fixed draw of the vars (tests; two seeds are two learners side by side). */
    public LabLoader withSeed(long seed) {
        return new LabLoader(lessonRoot, inspectors, seed, fixedVars);
    }

    /**
     * This loader keeping {@code values} for the vars of those names that the lab still declares (a learner
     * who resumes keeps the hostname they were asked for); other vars are drawn as usual.
     */
    public LabLoader withVars(Map<String, String> values) {
        return new LabLoader(lessonRoot, inspectors, seed, values);
    }

    /** The jlab installation (system property {@code jlab.home}), else the working directory. */
    public static Path home() {
        String home = System.getProperty("jlab.home");
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath();
    }

    public Path lessonRoot() {
        return lessonRoot;
    }

    /** The lab in {@code file}, valid; otherwise a {@link LabException} listing every problem in file order. */
    public Lab load(Path file) throws LabException {
        Problems problems = new Problems();
        Lab lab = read(file, problems);
        if (!problems.isEmpty() || lab == null) throw new LabException(problems.sorted());
        return lab;
    }

    /** Every problem of {@code file} in file order; empty when the lab is valid (for {@code jlab validate}). */
    public List<LabProblem> problems(Path file) {
        Problems problems = new Problems();
        read(file, problems);
        return problems.sorted();
    }

    private Lab read(Path file, Problems problems) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            problems.add(new LabProblem(file, 0, 0, "no such file", null, null));
            return null;
        } catch (CharacterCodingException e) {
            problems.add(new LabProblem(file, 0, 0, "not UTF-8 text", null, null));
            return null;
        } catch (IOException e) {
            problems.add(new LabProblem(file, 0, 0, "cannot read: " + e.getMessage(), null, null));
            return null;
        }
        ObjectMapper mapper = Mapper.INSTANCE;
        YamlSource source = YamlSource.parse(file, text, mapper, problems);
        Path directory = file.toAbsolutePath().normalize().getParent();
        if (source.tree() != null && directory != null) new StepIncludes(source, directory, mapper, problems).expand();
        LabReader reader = new LabReader(mapper, source, problems, seed == null ? LabVars.seed() : seed, fixedVars);
        Lab lab = reader.read();
        if (lab != null) new LabValidator(reader, source, problems, lessonRoot, inspectors).validate(lab, fileId(file));
        return lab;
    }

    /** The lab id a file must declare: its name without .yaml. */
    public static String fileId(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
    }

    /** Built on first use only: setting up Jackson costs start-up time that `jlab` without a lab need not pay. */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }
}
