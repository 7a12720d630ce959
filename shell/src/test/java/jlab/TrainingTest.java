package jlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingTest {

    @Test void theTrainingRunWalksToThePromptAndCopiesTheTerminalLibrary(@TempDir Path dir) {
        Path nativeDir = dir.resolve("native");
        System.setProperty("jlab.native.dir", nativeDir.toString());
        try {
            assertThat(Training.run(JlabHome.find())).isZero();
        } finally {
            System.clearProperty("jlab.native.dir");
        }
        assertThat(nativeDir.resolve(System.mapLibraryName("jlinenative"))).isNotEmptyFile();
    }
}
