package jlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jlab.lab.Lab;
import jlab.lab.LabCatalog;
import jlab.lab.LabSearchPath;

/** Labs outside the repository: `--labs`, JLAB_LABS, which one wins, where their lesson files are found. */
class LabSearchPathTest {
    @TempDir Path tmp;
    private Path home;
    private Path course;
    private Path extra;

    @BeforeEach
    void layout() throws Exception {
        home = tmp.resolve("home");
        course = tmp.resolve("course");
        extra = tmp.resolve("extra/labs");
        lab(home.resolve("labs"), "namespaces", "Repo namespaces", "namespaces/intro.md");
        lesson(home.resolve("lesson-content"), "namespaces/intro.md");
        lab(home.resolve("labs"), "only-repo", "Only in the repo", null);
        // A course directory with its lessons inside it; it shadows the repo's namespaces lab.
        lab(course, "namespaces", "Course namespaces", "ns/intro.md");
        lesson(course.resolve("lesson-content"), "ns/intro.md");
        // Another with the repository's layout: labs/ beside lesson-content/.
        lab(extra, "mine", "Mine", "mine/a.md");
        lesson(extra.getParent().resolve("lesson-content"), "mine/a.md");
    }

    private static void lab(Path dir, String id, String title, String text) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(id + ".yaml"), "id: " + id + "\ntitle: " + title + "\nsteps:\n  - id: one\n"
                + "    title: One\n" + (text == null ? "" : "    text: " + text + "\n"));
    }

    private static void lesson(Path root, String file) throws Exception {
        Files.createDirectories(root.resolve(file).getParent());
        Files.writeString(root.resolve(file), "# lesson\n");
    }

    @Test
    void optionsComeFirstThenTheEnvironmentInOrderThenTheRepository() {
        LabSearchPath path = LabSearchPath.of(List.of(course), extra + "::" + course, home);

        assertThat(path.directories()).containsExactly(course.toAbsolutePath(), extra.toAbsolutePath(),
                home.resolve("labs").toAbsolutePath());
        assertThat(path.isStandard(home.resolve("labs"))).isTrue();
        assertThat(path.isStandard(course)).isFalse();
    }

    @Test
    void theEarlierDirectoryWinsAndEachLabFindsItsOwnLessons() throws Exception {
        LabCatalog catalog = LabCatalog.along(LabSearchPath.of(List.of(course), extra.toString(), home), home);

        var listing = catalog.list();
        assertThat(listing.problems()).isEmpty();
        assertThat(listing.labs()).extracting(LabCatalog.Entry::id, LabCatalog.Entry::title).containsExactly(
                org.assertj.core.groups.Tuple.tuple("namespaces", "Course namespaces"),
                org.assertj.core.groups.Tuple.tuple("mine", "Mine"),
                org.assertj.core.groups.Tuple.tuple("only-repo", "Only in the repo"));
        Lab shadowing = catalog.find("namespaces");
        assertThat(shadowing.source()).isEqualTo(course.resolve("namespaces.yaml").toAbsolutePath());
        assertThat(LabSearchPath.lessonRootFor(shadowing.source(), home.resolve("lesson-content")))
                .isEqualTo(course.resolve("lesson-content").toAbsolutePath());
        assertThat(LabSearchPath.lessonRootFor(catalog.find("mine").source(), home.resolve("lesson-content")))
                .isEqualTo(extra.getParent().resolve("lesson-content").toAbsolutePath());
        assertThat(LabSearchPath.lessonRootFor(catalog.find("only-repo").source(), Path.of("/nowhere")))
                .isEqualTo(home.resolve("lesson-content").toAbsolutePath());
    }

    @Test
    void aLabOutsideTheRepoDoesNotFindTheRepositorysLessonFiles() throws Exception {
        lab(course, "borrow", "Borrow", "namespaces/intro.md");
        LabCatalog catalog = LabCatalog.along(LabSearchPath.of(List.of(course), null, home), home);

        assertThatThrownBy(() -> catalog.find("borrow")).hasMessageContaining("lesson file 'namespaces/intro.md' not found in "
                + course.resolve("lesson-content").toAbsolutePath());
    }

    @Test
    void listShowsWhereALabCameFromWhenItIsNotTheRepositorys() {
        var library = new LabLibrary(home, line -> { }, tmp.resolve("ledger"), LabSearchPath.of(List.of(course), null, home));

        assertThat(library.list()).extracting(s -> s.id() + " " + s.origin()).containsExactly(
                "namespaces " + course.toAbsolutePath(), "only-repo null");
    }

    @Test
    void validateFindsALabByIdAlongTheSearchPath() throws Exception {
        Files.writeString(extra.resolve("broken.yaml"), "id: broken\ntitle: B\nsteps:\n  - id: one\n    title: One\n"
                + "    observe: [pidz]\n");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        LabSearchPath path = LabSearchPath.of(List.of(), extra.toString(), home);

        int status = Validating.validate(home, path, List.of("broken"), print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString()).contains(extra.resolve("broken.yaml").toAbsolutePath() + ":6:15: unknown inspector 'pidz'");
        out.reset();
        assertThat(Validating.validate(home, path, List.of("mine", "namespaces"), print(out), print(err))).isZero();
        assertThat(out.toString()).contains("ok  " + extra.resolve("mine.yaml").toAbsolutePath(),
                "ok  " + home.resolve("labs/namespaces.yaml").toAbsolutePath());
    }

    @Test
    void labsOptionsAreTakenFromAnywhereInTheArguments() {
        var options = LabDirOptions.parse(List.of("--labs", "a", "list", "--labs=b"));

        assertThat(options.directories()).containsExactly(Path.of("a"), Path.of("b"));
        assertThat(options.rest()).containsExactly("list");
        assertThatThrownBy(() -> LabDirOptions.parse(List.of("start", "--labs")))
                .hasMessage("--labs needs a directory, like `--labs ~/my-labs`");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
