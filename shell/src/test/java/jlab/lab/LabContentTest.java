package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every lab shipped in labs/ loads with no problem at all. */
class LabContentTest {

    @Test
    void everyLabOfTheRepositoryLoads() {
        Path root = RepositoryRoot.find();
        LabLoader loader = new LabLoader(root.resolve("lesson-content"), LabLoader.DEFAULT_INSPECTORS);
        LabCatalog catalog = new LabCatalog(root.resolve("labs"), loader);

        List<Path> files = catalog.files();
        assertThat(files).as("lab files in %s", catalog.directory()).isNotEmpty();
        LabCatalog.Listing listing = catalog.list();
        assertThat(listing.problems()).as(() -> new LabException(listing.problems()).render()).isEmpty();
        assertThat(listing.labs()).hasSameSizeAs(files);
    }
}
