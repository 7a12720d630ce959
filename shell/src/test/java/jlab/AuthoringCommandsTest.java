package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jlab.lab.LabLoader;

/** `jlab validate [--json]`, `jlab new` and `jlab schema` as an author runs them (no kernel needed). */
class AuthoringCommandsTest {
    @TempDir Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int jlab(String... args) {
        return switch (args[0]) {
            case "validate" -> Validating.validate(home, List.of(args).subList(1, args.length), print(out), print(err));
            case "new" -> Scaffolding.run(home, List.of(args).subList(1, args.length), print(out), print(err));
            default -> throw new IllegalArgumentException(args[0]);
        };
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private void write(String name, String yaml) throws Exception {
        Files.createDirectories(home.resolve("labs"));
        Files.createDirectories(home.resolve("lesson-content"));
        Files.writeString(home.resolve("labs").resolve(name), yaml);
    }

    @Test
    void validatePrintsEveryProblemWithPlaceExcerptAndSuggestionAndExitsOne() throws Exception {
        write("bad.yaml", "id: bad\ntitle: B\nsteps:\n  - id: a\n    title: A\n    do:\n      - unshar: [uts]\n"
                + "    observe: [pidz]\n");

        int status = jlab("validate", home.resolve("labs").toString());

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains(
                "bad.yaml:7:9: unknown action 'unshar' (did you mean 'unshare'?)\n      - unshar: [uts]\n        ^",
                "bad.yaml:8:15: unknown inspector 'pidz' (did you mean 'pids'?)",
                "1 lab file(s), 1 with problems (2 in all)");
    }

    @Test
    void validateJsonIsAVersionedDocumentForEditorsAndCi() throws Exception {
        write("bad.yaml", "id: bad\ntitle: B\nsteps:\n  - id: a\n    title: A\n    tsk: t\n");

        int status = jlab("validate", "--json", home.resolve("labs/bad.yaml").toString());

        assertThat(status).isEqualTo(1);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("version").asInt()).isEqualTo(Validating.JSON_VERSION);
        assertThat(doc.get("ok").asBoolean()).isFalse();
        JsonNode problem = doc.at("/files/0/problems/0");
        assertThat(doc.at("/files/0/file").asText()).endsWith("bad.yaml");
        assertThat(problem.get("line").asInt()).isEqualTo(6);
        assertThat(problem.get("column").asInt()).isEqualTo(5);
        assertThat(problem.get("message").asText()).isEqualTo("unknown key 'tsk' in a step");
        assertThat(problem.get("suggestion").asText()).isEqualTo("did you mean 'task'?");
        assertThat(problem.get("excerpt").asText()).isEqualTo("    tsk: t");
    }

    @Test
    void newScaffoldsALabThatValidatesAndNeverOverwrites() throws Exception {
        assertThat(jlab("new", "my-lab", "--title", "My lab")).isZero();

        assertThat(home.resolve("labs/my-lab.yaml")).exists();
        assertThat(home.resolve("lesson-content/my-lab/02-hostname.md")).exists();
        assertThat(Files.readString(home.resolve("labs/my-lab.yaml"))).contains("id: my-lab", "title: \"My lab\"");
        assertThat(new LabLoader(home.resolve("lesson-content"), LabLoader.DEFAULT_INSPECTORS)
                .problems(home.resolve("labs/my-lab.yaml"))).isEmpty();
        assertThat(jlab("validate", home.resolve("labs").toString())).isZero();

        assertThat(jlab("new", "my-lab")).isEqualTo(1);
        assertThat(err.toString()).contains("my-lab.yaml exists already");
        assertThat(jlab("new", "My Lab")).isEqualTo(1);
        assertThat(jlab("new")).isEqualTo(2);
    }

    @Test
    void newWithLabsWritesIntoThatDirectoryWhereTheSearchPathFindsItsLessons(@TempDir Path course) throws Exception {
        assertThat(Scaffolding.run(home, course, List.of("hello"), print(out), print(err))).as(err.toString()).isZero();

        Path lab = course.resolve("hello.yaml");
        assertThat(lab).exists();
        assertThat(course.resolve("lesson-content/hello/01-container.md")).exists();
        assertThat(home.resolve("labs")).doesNotExist();
        assertThat(Files.readString(lab)).startsWith("# yaml-language-server: $schema="
                + home.resolve("shell/src/main/resources/lab.schema.json").toAbsolutePath().normalize() + "\n");
        assertThat(out.toString()).contains("./jlab validate " + lab, "sudo ./jlab --labs " + course + " start hello");
        Path lessons = jlab.lab.LabSearchPath.lessonRootFor(lab, home.resolve("lesson-content"));
        assertThat(lessons).isEqualTo(course.resolve("lesson-content"));
        assertThat(new LabLoader(lessons, LabLoader.DEFAULT_INSPECTORS).problems(lab)).isEmpty();
    }

    @Test
    void schemaPrintsTheGeneratedSchemaAndWriteUpdatesTheShippedCopy() throws Exception {
        Files.createDirectories(home.resolve("shell/src/main/resources"));
        assertThat(Validating.schema(home, List.of("--write"), print(out))).isZero();
        assertThat(out.toString()).startsWith("wrote ");
        assertThat(Files.readString(home.resolve(jlab.lab.LabSchema.SHIPPED))).isEqualTo(jlab.lab.LabSchema.generate());
        assertThat(Validating.schema(home, List.of("--write"), print(out))).isZero();
        assertThat(out.toString()).contains("unchanged: ");
    }
}
