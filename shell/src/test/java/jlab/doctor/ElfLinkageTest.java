package jlab.doctor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElfLinkageTest {

    @Test
    void busyboxStaticHasNoInterpreter() throws IOException {
        assertThat(ElfLinkage.of(Path.of("/bin/busybox"))).isEqualTo(ElfLinkage.STATIC);
    }

    @Test
    void lsNamesTheDynamicLoader() throws IOException {
        assertThat(ElfLinkage.of(Path.of("/bin/ls"))).isEqualTo(ElfLinkage.DYNAMIC);
    }

    @Test
    void truncatedElfIsAnErrorNotAnAnswer(@TempDir Path dir) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(Path.of("/bin/ls")), 40);
        Path truncated = Files.write(dir.resolve("truncated"), head);
        assertThatThrownBy(() -> ElfLinkage.of(truncated)).isInstanceOf(IOException.class)
                .hasMessageContaining("inside its ELF headers");
    }

    @Test
    void textFileIsNotElf(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("script"), "#!/bin/sh\necho this is long enough\n");
        assertThatThrownBy(() -> ElfLinkage.of(script)).hasMessageContaining("is not an ELF file");
    }
}
