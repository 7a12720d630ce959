package jlab.kernel.ffm;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK's jnativescan over the compiled main classes: restricted native access (the FFM linker, JNI)
 * must come only from jlab.kernel.ffm, the one door to the kernel.
 */
class NativeAccessScanTest {

    @Test void onlyTheFfmPackageUsesRestrictedMethods() throws IOException, InterruptedException, URISyntaxException {
        Path classes = Path.of(FfmSyscalls.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path jnativescan = Path.of(System.getProperty("java.home"), "bin", "jnativescan");
        assertThat(jnativescan).as("the JDK running the tests ships jnativescan").isExecutable();

        // A short-lived tool: C1 only and the serial GC spare the CPU it shares with the test JVM.
        Process scan = new ProcessBuilder(jnativescan.toString(), "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "--class-path", classes.toString())
                .redirectErrorStream(true).start();
        String report = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(scan.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(scan.exitValue()).as(report).isZero();

        // The report lists each class as "  <class>:" and each method as "    <class>::<method>...".
        List<String> classesReported = report.lines()
                .filter(l -> l.startsWith("  ") && !l.startsWith("   ") && l.endsWith(":"))
                .map(l -> l.strip().replaceFirst(":$", ""))
                .toList();
        assertThat(classesReported).as(report).isNotEmpty()
                .allSatisfy(c -> assertThat(c).startsWith("jlab.kernel.ffm."));
        assertThat(report).contains("java.lang.foreign.Linker::downcallHandle");
    }
}
