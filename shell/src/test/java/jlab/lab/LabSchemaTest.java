package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The shipped lab.schema.json is exactly what {@link LabSchema} generates from the model now (so it cannot drift
 * from the actions and checks), every lab of labs/ validates against it as an editor would, and it rejects
 * the mistakes an editor should underline.
 */
class LabSchemaTest {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Path ROOT = RepositoryRoot.find();

    private static JsonSchema schema() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(LabSchema.generate());
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree);
    }

    private static Set<String> errors(String yaml) throws IOException {
        return schema().validate(YAML.readTree(yaml)).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toSet());
    }

    @Test
    void theShippedSchemaIsTheGeneratedOne() throws IOException {
        String shipped = Files.readString(ROOT.resolve(LabSchema.SHIPPED));
        assertThat(shipped)
                .as("%s is stale: regenerate it with `./jlab schema --write` and commit it", LabSchema.SHIPPED)
                .isEqualTo(LabSchema.generate());
    }

    @Test
    void everyLabReferencesAndSatisfiesTheSchema() throws IOException {
        JsonSchema schema = schema();
        List<Path> labs = new LabCatalog(ROOT.resolve("labs"), new LabLoader()).files();
        assertThat(labs).isNotEmpty();
        for (Path lab : labs) {
            String text = Files.readString(lab);
            assertThat(text.lines().findFirst().orElse(""))
                    .isEqualTo("# yaml-language-server: $schema=../" + LabSchema.SHIPPED);
            assertThat(schema.validate(YAML.readTree(text))).as(lab.toString()).isEmpty();
        }
    }

    @Test
    void everyActionAndCheckOfTheVocabularyIsInTheSchema() throws IOException {
        JsonNode tree = new ObjectMapper().readTree(LabSchema.generate());
        List<String> actions = iterate(tree.at("/definitions/action/properties"));
        List<String> checks = iterate(tree.at("/definitions/check/properties"));
        assertThat(actions).containsExactlyInAnyOrderElementsOf(Vocabulary.ACTIONS.names());
        assertThat(checks).containsExactlyInAnyOrderElementsOf(Vocabulary.CHECKS.names());
    }

    @Test
    void theSchemaRejectsTyposWrongShapesAndUnknownValues() throws IOException {
        String head = "id: x\ntitle: X\nsteps:\n  - id: a\n    title: A\n";
        assertThat(errors(head)).isEmpty();
        assertThat(errors(head + "    do:\n      - vethh: {}\n")).isNotEmpty();
        assertThat(errors(head + "    do:\n      - unshare: [uts, utss]\n")).isNotEmpty();
        assertThat(errors(head + "    do:\n      - spawn: { argv: [sh], role: boss }\n")).isNotEmpty();
        assertThat(errors(head + "    do:\n      - chroot: {}\n        exec: [ls]\n")).isNotEmpty();
        assertThat(errors(head + "    tsk: typo\n")).isNotEmpty();
        assertThat(errors(head + "    observe: [pidz]\n")).isNotEmpty();
        assertThat(errors(head + "    check:\n      - hostname: { where: host, is: a }\n")).isNotEmpty();
        assertThat(errors(head + "    quiz:\n      - ask: q\n        answer: { live: init.pidd }\n")).isNotEmpty();
        assertThat(errors(head + "    quiz:\n      - ask: q\n        answer: { number: 1, pattern: x }\n"))
                .isNotEmpty();
        assertThat(errors("title: X\nsteps: []\n")).anyMatch(m -> m.contains("id"));
    }

    @Test
    void theSchemaAcceptsEveryShapeTheLoaderAccepts() throws IOException {
        String yaml = """
                id: x
                title: X
                requires: { root: true, kernel: "5.8", packages: [busybox-static] }
                sandbox: { rootfs: busybox }
                steps:
                  - id: a
                    title: A
                    do:
                      - unshare: [mount, uts]
                      - chroot:
                      - mount-proc: {}
                      - spawn: { argv: [/bin/sh], role: init }
                    hint: "one hint"
                    check:
                      - hostname: { in: host, unchanged: true }
                      - namespace: { type: uts }
                    quiz:
                      - { ask: q, choices: [a, b], answer: a }
                      - { ask: q, choices: [a, b], answer: [a, b] }
                      - { ask: q, answer: { number: 1, tolerance: 0.5, unit: "%" }, attempts: 3 }
                      - { ask: q, answer: { live: ns.mnt.inode } }
                  - id: b
                    title: B
                    hint: [first, second]
                """;
        assertThat(errors(yaml)).isEmpty();
    }

    private static List<String> iterate(JsonNode object) {
        return object.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
