package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabCatalogTest {
    @TempDir Path home;
    private TempLabs labs;
    private LabCatalog catalog;

    @BeforeEach
    void writeLabs() {
        labs = new TempLabs(home);
        labs.write("namespaces", """
                id: namespaces
                title: Namespaces
                summary: unshare + chroot
                steps:
                  - { id: one, title: One, text: namespaces/02-unshare.md }
                  - { id: two, title: Two }
                """);
        labs.write("cgroups", """
                id: cgroups
                title: Cgroups
                steps:
                  - { id: one, title: One }
                """);
        labs.write("broken", """
                id: broken
                title: Broken
                steps:
                  - { id: one, title: One, observe: [pidz] }
                """);
        labs.write("also-broken", "id: also-broken\ntitle: [\n");
        catalog = new LabCatalog(labs.labs, labs.loader);
    }

    @Test
    void listsTheValidLabsAndTheProblemsOfEveryBrokenOne() {
        LabCatalog.Listing listing = catalog.list();

        assertThat(listing.labs()).containsExactly(
                new LabCatalog.Entry("cgroups", "Cgroups", "", 1, labs.labs.resolve("cgroups.yaml")),
                new LabCatalog.Entry("namespaces", "Namespaces", "unshare + chroot", 2,
                        labs.labs.resolve("namespaces.yaml")));
        assertThat(listing.problems()).extracting(p -> p.file().getFileName().toString())
                .containsExactly("also-broken.yaml", "broken.yaml");
    }

    @Test
    void findsALabById() throws LabException {
        assertThat(catalog.find("namespaces").steps()).hasSize(2);
    }

    @Test
    void aTypoGetsDidYouMean() {
        assertThatThrownBy(() -> catalog.find("namespace"))
                .isInstanceOf(LabException.class)
                .hasMessage(labs.labs + ": no lab 'namespace' (did you mean 'namespaces'?)");
    }

    @Test
    void aBrokenLabGivesItsProblems() {
        assertThatThrownBy(() -> catalog.find("broken"))
                .isInstanceOf(LabException.class)
                .hasMessageStartingWith(labs.labs.resolve("broken.yaml") + ":4:38: unknown inspector 'pidz'");
    }

    @Test
    void anEmptyOrMissingDirectoryHasNoLabs() {
        LabCatalog none = new LabCatalog(home.resolve("nowhere"), labs.loader);

        assertThat(none.list().labs()).isEmpty();
        assertThatThrownBy(() -> none.find("namespaces")).hasMessageContaining("there are no labs in");
    }
}
