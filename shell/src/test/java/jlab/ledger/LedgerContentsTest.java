package jlab.ledger;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerContentsTest {
    private static final String OWNER =
            "{\"op\":\"owner\",\"pid\":4242,\"startTime\":79217,\"started\":\"2026-11-23T13:40:00Z\",\"version\":\"0.1.0\"}\n";
    private static final String SESSION_DIR = "{\"op\":\"create\",\"kind\":\"directory\",\"path\":\"/run/jlab/s4242-0a1b2c\"}\n";
    private static final String NETNS = "{\"op\":\"create\",\"kind\":\"netns\",\"bindMount\":\"/run/jlab/s4242-0a1b2c/net\"}\n";
    private static final String PROCESS = "{\"op\":\"create\",\"kind\":\"process\",\"pid\":5000,\"startTime\":80000}\n";

    @Test void everyKindSurvivesTheRoundTrip() {
        List<Resource> all = List.of(
                new Resource.Directory(Path.of("/run/jlab/s1-ab/work dir")),
                new Resource.Mount(Path.of("/run/jlab/s1-ab/merged"), true),
                new Resource.Mount(Path.of("/run/jlab/s1-ab/rootfs/proc"), false),
                new Resource.Process(5000, 80000),
                new Resource.NetNamespace(Path.of("/run/jlab/s1-ab/net")),
                new Resource.Cgroup(Path.of("/sys/fs/cgroup/pids/jlab-s1-ab")));
        StringBuilder file = new StringBuilder(LedgerCodec.encode(new LedgerCodec.Line.Owner(
                new SessionOwner(new ProcessIdentity(1, 2), Instant.parse("2026-11-23T13:40:00Z"), "dev")))).append('\n');
        for (Resource r : all) file.append(LedgerCodec.encode(new LedgerCodec.Line.Create(r))).append('\n');

        LedgerContents contents = LedgerContents.parse(file.toString());

        assertThat(contents.live()).containsExactlyElementsOf(all);
        assertThat(contents.owner()).hasValue(
                new SessionOwner(new ProcessIdentity(1, 2), Instant.parse("2026-11-23T13:40:00Z"), "dev"));
        assertThat(contents.problems()).isEmpty();
    }

    @Test void pathsAreWrittenAsPlainStrings() {
        String line = LedgerCodec.encode(new LedgerCodec.Line.Create(new Resource.Directory(Path.of("/run/jlab/a b"))));

        assertThat(line).isEqualTo("{\"op\":\"create\",\"kind\":\"directory\",\"path\":\"/run/jlab/a b\"}");
    }

    @Test void releaseLinesEndLiveness() {
        String text = OWNER + SESSION_DIR + NETNS + PROCESS
                + "{\"op\":\"release\",\"kind\":\"netns\",\"bindMount\":\"/run/jlab/s4242-0a1b2c/net\"}\n";

        assertThat(LedgerContents.parse(text).live()).containsExactly(
                new Resource.Directory(Path.of("/run/jlab/s4242-0a1b2c")), new Resource.Process(5000, 80000));
    }

    @Test void toleratesATruncatedLastLine() {
        // kill -9 while the process line was being written: its resource was never created.
        String text = OWNER + SESSION_DIR + NETNS + "{\"op\":\"create\",\"kind\":\"process\",\"pid\":50";

        LedgerContents contents = LedgerContents.parse(text);

        assertThat(contents.owner()).map(o -> o.process().pid()).hasValue(4242);
        assertThat(contents.live()).containsExactly(
                new Resource.Directory(Path.of("/run/jlab/s4242-0a1b2c")),
                new Resource.NetNamespace(Path.of("/run/jlab/s4242-0a1b2c/net")));
        assertThat(contents.problems()).singleElement().asString().startsWith("line 4 (truncated");
    }

    @Test void reportsButSkipsBadLinesInTheMiddle() {
        String text = OWNER + "{\"op\":\"create\",\"kind\":\"veth\",\"name\":\"v0\"}\n" + PROCESS
                + "{\"op\":\"create\",\"kind\":\"directory\",\"path\":\"relative/dir\"}\n"
                + "{\"op\":\"release\",\"kind\":\"process\",\"pid\":6000,\"startTime\":1}\n";

        LedgerContents contents = LedgerContents.parse(text);

        assertThat(contents.live()).containsExactly(new Resource.Process(5000, 80000));
        assertThat(contents.problems()).containsExactly(
                "line 2: unknown resource kind 'veth'",
                "line 4: resource paths must be absolute: relative/dir",
                "line 5: release of process 6000 (start time 1) that was never created");
    }

    @Test void aFileCutBeforeItsOwnerLineHasNoOwner() {
        LedgerContents contents = LedgerContents.parse("{\"op\":\"owner\",\"pid\":42");

        assertThat(contents.owner()).isEmpty();
        assertThat(contents.live()).isEmpty();
        assertThat(LedgerContents.parse("").owner()).isEmpty();
    }
}
