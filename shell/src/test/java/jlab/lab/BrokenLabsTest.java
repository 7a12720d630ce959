package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of authoring mistakes in {@code src/test/resources/broken-labs/}: each {@code NN-name.yaml} says in
 * its first lines what {@code jlab validate} must report, {@code # expect: [file:]line:col: message fragment}
 * and optionally {@code # suggest: suggestion fragment}. The file is validated where it lies (fragments it
 * includes are beside it); every problem must also have a place and no Java in its words.
 */
class BrokenLabsTest {
    private static final Pattern EXPECT = Pattern.compile("# expect: (?:(\\S+\\.yaml):)?(\\d+):(\\d+): (.+)");
    private static final Pattern SUGGEST = Pattern.compile("# suggest: (.+)");
    private static final int AT_LEAST = 20;

    @TempDir Path home;

    static Path corpus() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(BrokenLabsTest.class.getResource("/broken-labs")).toURI());
    }

    static Stream<Path> brokenLabs() throws Exception {
        try (Stream<Path> files = Files.list(corpus())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusHoldsAtLeastTwentyDistinctMistakes() throws Exception {
        List<String> messages = brokenLabs().map(f -> expectation(f).message()).toList();

        assertThat(messages).hasSizeGreaterThanOrEqualTo(AT_LEAST).doesNotHaveDuplicates();
    }

    record Expectation(String file, int line, int column, String message, String suggestion) {}

    static Expectation expectation(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Matcher expect = EXPECT.matcher(lines.get(0));
        assertThat(expect.matches()).as("%s starts with '# expect: line:col: message'", file.getFileName()).isTrue();
        Matcher suggest = SUGGEST.matcher(lines.size() > 1 ? lines.get(1) : "");
        return new Expectation(expect.group(1), Integer.parseInt(expect.group(2)), Integer.parseInt(expect.group(3)),
                expect.group(4), suggest.matches() ? suggest.group(1) : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenLabs")
    void validateReportsTheMistakeAtItsPlaceWithItsSuggestion(Path file) {
        Expectation expected = expectation(file);
        List<LabProblem> problems = new TempLabs(home).loader.problems(file);

        Path where = expected.file() == null ? file : file.resolveSibling(expected.file());
        assertThat(problems).as(file.getFileName() + " reports").anySatisfy(p -> {
            assertThat(p.file().toAbsolutePath().normalize()).isEqualTo(where.toAbsolutePath().normalize());
            assertThat(p.line() + ":" + p.column()).isEqualTo(expected.line() + ":" + expected.column());
            assertThat(p.message()).contains(expected.message());
            if (expected.suggestion() != null) assertThat(p.suggestion()).contains(expected.suggestion());
            assertThat(p.excerpt()).isNotNull();
        });
        String rendered = new LabException(problems).render();
        assertThat(rendered).doesNotContainPattern("\\b(java|jlab|com\\.fasterxml|org\\.yaml)\\.")
                .doesNotContain("Exception", "JsonToken", "START_", "VALUE_", "Cannot deserialize", "$Raw");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
        });
    }
}
