package jlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;
import jlab.proc.FakeProc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UtsAndRegistryTest {

    @TempDir
    Path root;

    @Test
    void utsShowsBothHostnamesAndNotesWhichChanged() {
        FakeProc fake = new FakeProc(root).write("sys/kernel/hostname", "vm\n");
        AtomicReference<String> containerName = new AtomicReference<>("vm");
        InspectTarget target = InspectTarget.host(fake.procFs(), 100)
                .withContainerThread(103, () -> Optional.of(containerName.get()));
        UtsInspector uts = new UtsInspector();
        UtsSnapshot before = uts.snapshot(target);
        containerName.set("lab");

        Annotation a = uts.diff(before, uts.snapshot(target));

        assertThat(a.rows())
                .containsExactly(Row.of(Change.SAME, "host", "vm"), Row.of(Change.CHANGED, "container", "lab"));
        assertThat(a.notes())
                .containsExactly("only the container's hostname changed: it has a UTS namespace of its own");

        fake.write("sys/kernel/hostname", "oops\n");
        Annotation hostChanged = uts.diff(before, uts.snapshot(target));
        assertThat(hostChanged.rows().getFirst()).isEqualTo(Row.of(Change.CHANGED, "host", "oops"));
        assertThat(hostChanged.notes())
                .containsExactly("the host's hostname changed: sethostname() ran in the host's UTS namespace");
    }

    @Test
    void utsWithoutAContainerDoesNotAskForItsName() {
        FakeProc fake = new FakeProc(root).write("sys/kernel/hostname", "vm\n");
        InspectTarget target = new InspectTarget(fake.procFs(), 100, OptionalInt.empty(),
                OptionalInt.empty(), () -> {
                    throw new AssertionError("asked a container that does not exist");
                });

        assertThat(new UtsInspector().showNow(target).rows())
                .containsExactly(Row.of(Change.SAME, "host", "vm"), Row.of(Change.SAME, "container", "—"));
    }

    @Test
    void registryFindsInspectorsByNameOrAlias() {
        assertThat(Inspectors.names()).containsExactly("namespaces", "pids", "mounts", "uts", "net", "overlay", "cgroup");
        assertThat(Inspectors.byName("ns")).get().extracting(Inspector::name).isEqualTo("namespaces");
        assertThat(Inspectors.byName(" PIDS ")).get().extracting(Inspector::name).isEqualTo("pids");
        assertThat(Inspectors.byName("hostname")).get().extracting(Inspector::name).isEqualTo("uts");
        assertThat(Inspectors.byName("cgroups")).get().extracting(Inspector::name).isEqualTo("cgroup");
        assertThat(Inspectors.byName("mountz")).isEmpty();
        assertThat(Inspectors.all()).allSatisfy(i -> assertThat(i.describe()).isNotBlank());
        assertThat(Inspectors.all().stream().flatMap(i -> Stream.concat(Stream.of(i.name()), i.aliases().stream())))
                .doesNotHaveDuplicates();
    }

    @Test
    void anObservationDiffsAcrossAStepWithoutCasts() {
        FakeProc fake = new FakeProc(root).write("sys/kernel/hostname", "vm\n");
        InspectTarget target = InspectTarget.host(fake.procFs(), 100);
        Inspector<?> uts = Inspectors.byName("uts").orElseThrow();

        Observation<?> observation = Observation.start(uts, target);
        fake.write("sys/kernel/hostname", "lab\n");
        Annotation a = observation.finish(target);

        assertThat(a.rows().getFirst()).isEqualTo(Row.of(Change.CHANGED, "host", "lab"));
    }
}
