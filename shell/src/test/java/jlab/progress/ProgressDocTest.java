package jlab.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jlab.lab.LabLoader;

/**
 * PROGRESS.md cannot drift: its field tables name exactly the fields of a real progress file and a real
 * results export, each with the JSON type it really has, and the README links to it.
 */
class ProgressDocTest {

    /** field path → type cell of the table under {@code heading}. */
    private static Map<String, String> table(String heading) throws IOException {
        String doc = Files.readString(LabLoader.home().resolve("PROGRESS.md"));
        int start = doc.indexOf("\n## " + heading);
        if (start < 0) start = doc.indexOf("\n### " + heading);
        assertThat(start).as("PROGRESS.md has a section '%s'", heading).isNotNegative();
        int end = doc.indexOf("\n#", start + 1);
        List<String> rows = doc.substring(start, end < 0 ? doc.length() : end).lines().filter(l -> l.startsWith("| `")).toList();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String row : rows) {
            String[] cells = row.substring(1).split("\\|");
            fields.put(cells[0].strip().replace("`", ""), cells[1].strip());
        }
        return fields;
    }

    /** Every field path of {@code node} (arrays as {@code []}) with the JSON types seen there. */
    private static void paths(String prefix, JsonNode node, Map<String, List<String>> out) {
        boolean inArray = prefix.endsWith("[]");
        if (!prefix.isEmpty() && !inArray) out.computeIfAbsent(prefix, k -> new ArrayList<>()).add(type(node));
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                String key = prefix.equals("vars") ? "<name>" : e.getKey(); // a lab's own var names
                paths(prefix.isEmpty() ? key : prefix + "." + key, e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) paths(prefix + "[]", element, out);
        }
    }

    private static String type(JsonNode n) {
        if (n.isNull()) return "null";
        if (n.isTextual()) return "string";
        if (n.isNumber()) return "number";
        if (n.isBoolean()) return "boolean";
        return n.isArray() ? "array" : "object";
    }

    private static void assertDocumented(Map<String, String> documented, JsonNode real) {
        Map<String, List<String>> seen = new TreeMap<>();
        paths("", real, seen);
        assertThat(documented.keySet()).as("documented fields").containsExactlyInAnyOrderElementsOf(seen.keySet());
        seen.forEach((field, types) -> {
            String cell = documented.get(field);
            List<String> allowed = List.of(cell.split(" or "));
            assertThat(allowed).as("%s is documented as '%s'", field, cell).containsAll(types);
        });
    }

    @Test
    void theProgressFileTableMatchesWhatIsSaved() throws IOException {
        // the sample has a step without a task (task null) and an unanswered question (answer null)
        JsonNode saved = ProgressCodec.JSON.readTree(ProgressCodec.encode(FileProgressStoreTest.sample("demo", 2)));
        assertDocumented(table("The progress file"), saved);
    }

    @Test
    void theResultsJsonTableMatchesWhatIsExported() throws IOException {
        JsonNode exported = ProgressCodec.JSON.readTree(Results.json("alice", Instant.EPOCH, ResultsTest.labs()));
        assertDocumented(table("JSON"), exported);
        assertThat(table("JSON").get("version")).isEqualTo("number");
        assertThat(Files.readString(LabLoader.home().resolve("PROGRESS.md"))).contains("format `jlab-results`, version " + Results.VERSION);
    }

    @Test
    void theReadmeLinksToIt() throws IOException {
        assertThat(Files.readString(LabLoader.home().resolve("README.md"))).contains("](PROGRESS.md)");
    }
}
