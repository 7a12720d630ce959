package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import jlab.inspect.Inspectors;

/**
 * AUTHORING.md cannot drift from the model: its tables name exactly the actions and checks of {@link Vocabulary},
 * the inspectors {@code observe:} accepts (all known to {@link Inspectors}) and the question kinds of {@link Question}, and every example in the
 * action and check tables parses as the action or check of its row.
 */
class AuthoringDocTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();

    /** The row of each question kind, by class; a new kind fails here until it has a row. */
    private static final Map<Class<?>, String> QUESTION_ROWS = Map.of(
            Question.SingleChoice.class, "single choice", Question.MultipleChoice.class, "multiple choice",
            Question.NumberQuestion.class, "number", Question.TextQuestion.class, "text",
            Question.LiveQuestion.class, "live", Question.Ordering.class, "ordering", Question.Prediction.class,
            "prediction");

    /** The table rows of the section whose heading starts with {@code heading}: cells, header rows left out. */
    private static List<List<String>> table(String heading) throws IOException {
        String doc = Files.readString(RepositoryRoot.find().resolve("AUTHORING.md"));
        int start = doc.indexOf("\n## " + heading);
        assertThat(start).as("AUTHORING.md has a section '%s'", heading).isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        String section = doc.substring(start, end < 0 ? doc.length() : end);
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = section.lines().filter(l -> l.startsWith("|")).toList();
        for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
            rows.add(Arrays.stream(line.substring(1).split("(?<!\\\\)\\|")).map(String::strip).toList());
        }
        return rows;
    }

    private static List<String> code(String cell) {
        List<String> snippets = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) snippets.add(m.group(1).replace("\\|", "|"));
        return snippets;
    }

    /** First-column names of a table (every `code` span of it: `namespaces` (or `ns`) gives both). */
    private static List<String> names(List<List<String>> rows) {
        return rows.stream().flatMap(r -> code(r.getFirst()).stream()).toList();
    }

    @Test
    void theActionTableNamesExactlyTheActionsAndItsExamplesParse() throws IOException {
        var rows = table("Actions");
        assertThat(names(rows)).containsExactlyInAnyOrderElementsOf(Vocabulary.ACTIONS.names());
        examplesParse(rows, Action.class, Vocabulary.ACTIONS);
    }

    @Test
    void theCheckTableNamesExactlyTheChecksAndItsExamplesParse() throws IOException {
        var rows = table("Checks");
        assertThat(names(rows)).containsExactlyInAnyOrderElementsOf(Vocabulary.CHECKS.names());
        examplesParse(rows, Check.class, Vocabulary.CHECKS);
    }

    @Test
    void theInspectorTableNamesExactlyTheInspectorsAndTheirAliases() throws IOException {
        List<String> documented = names(table("Inspectors"));
        assertThat(documented).containsAll(Inspectors.names());
        // What `observe:` accepts; the engine's other aliases (show ps, show mnt) are shell conveniences.
        assertThat(new TreeSet<>(documented)).isEqualTo(new TreeSet<>(LabLoader.DEFAULT_INSPECTORS));
        assertThat(documented).allMatch(name -> Inspectors.byName(name).isPresent());
    }

    @Test
    void theQuestionTableHasARowForEveryQuestionKind() throws IOException {
        List<String> documented = table("Questions").stream().map(List::getFirst).toList();
        List<String> kinds = Arrays.stream(Question.class.getPermittedSubclasses())
                .map(c -> QUESTION_ROWS.getOrDefault(c, c.getSimpleName() + " (add it to AUTHORING.md)")).toList();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(kinds);
    }

    @Test
    void everyLiveValueIsDocumented() throws IOException {
        String doc = Files.readString(RepositoryRoot.find().resolve("AUTHORING.md"));
        for (LiveKey.Kind kind : LiveKey.Kind.values()) {
            String example = kind.perNamespace() ? new LiveKey(kind, jlab.kernel.Namespace.NET).text()
                    .replace(".net.", ".<type>.")
                    : kind == LiveKey.Kind.CGROUP_VALUE ? "cgroup.<value>" : new LiveKey(kind, null).text();
            assertThat(doc).as("live value %s", example).contains("`" + example + "`");
        }
    }

    @Test
    void theFailureReasonTableListsExactlyTheReasonsTheChecksState() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (List<String> row : table("Hints chosen by why a check fails")) {
            documented.put(code(row.get(0)).getFirst(), code(row.get(1)));
        }

        assertThat(documented).isEqualTo(FailureReasons.byCheck());
    }

    private static void examplesParse(List<List<String>> rows, Class<?> base, Vocabulary.TypeNames names) {
        Map<String, Integer> examples = new LinkedHashMap<>();
        for (List<String> row : rows) {
            String name = code(row.getFirst()).getFirst();
            assertThat(row).as("row of %s has an example column", name).hasSizeGreaterThan(2);
            List<String> snippets = code(row.get(1));
            assertThat(snippets).as("examples of %s", name).isNotEmpty();
            for (String snippet : snippets) {
                Object parsed;
                try {
                    parsed = YAML.readValue(snippet, base);
                } catch (IOException e) {
                    throw new AssertionError("the example `" + snippet + "` of " + name + " does not parse: "
                            + e.getMessage(), e);
                }
                assertThat(names.nameOf(parsed.getClass())).as("`%s`", snippet).isEqualTo(name);
                examples.merge(name, 1, Integer::sum);
            }
        }
        assertThat(examples.keySet()).containsExactlyInAnyOrderElementsOf(names.names());
    }
}
