package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * In a step the loader puts the vars into every text before reading it, so `${vars...}` may stand for a
     * number, true/false or a name from a closed set; the header is read as written. Schema and loader agree.
     */
    @Test
    void varsStandForNumbersBooleansAndNamesInStepsButNotInTheHeader(@TempDir Path home) throws IOException {
        String yaml = """
                id: v
                title: V
                vars:
                  ns: { pick: [uts] }
                  host: { range: [2, 9] }
                  yes: { pick: ["true"] }
                  where: { pick: [red] }
                  view: { pick: [net] }
                  tries: { range: [2, 3] }
                steps:
                  - id: a
                    title: A
                    do:
                      - unshare: [mount, "${vars.ns}", net, pid]
                      - make-private: /
                      - spawn: { argv: [/bin/sh], role: init }
                      - veth: { name: veth-red, peer: eth0, in: hub }
                      - move-link: { link: eth0, from: hub, to: "${vars.where}" }
                    observe: ["${vars.view}"]
                    task: Give eth0 an address.
                    solution:
                      - address: { link: eth0, in: "${vars.where}", host: "${vars.host}" }
                      - link-up: { link: eth0, in: red, up: "${vars.yes}" }
                    check:
                      - address: { link: eth0, in: red, host: "${vars.host + 0}" }
                      - namespace: { type: "${vars.ns}", differs: "${vars.yes}" }
                      - command: { run: ["true"], exit: "${vars.host - vars.host}" }
                    quiz:
                      - { ask: q, answer: { number: "${vars.host}", tolerance: "${vars.host / 10}" }, attempts: "${vars.tries}" }
                """;
        Path file = Files.writeString(home.resolve("v.yaml"), yaml);

        assertThat(new LabLoader(home, LabLoader.DEFAULT_INSPECTORS).problems(file)).isEmpty();
        assertThat(errors(yaml)).isEmpty();
        assertThat(errors(yaml.replace("${vars.tries}", "three"))).as("text without a var is no number").isNotEmpty();
        assertThat(errors(yaml.replace("${vars.where}", "green"))).as("nor one of a closed set").isNotEmpty();

        String header = yaml.replace("title: V\n", "title: V\nrequires: { root: \"${vars.yes}\" }\n");
        assertThat(new LabLoader(home, LabLoader.DEFAULT_INSPECTORS).problems(Files.writeString(file, header)))
                .extracting(LabProblem::message).containsExactly("'root' should be true or false, not the text '${vars.yes}'");
        assertThat(errors(header)).isNotEmpty();
    }

    private static List<String> iterate(JsonNode object) {
        return object.properties().stream().map(java.util.Map.Entry::getKey).toList();
    }
}
