package jlab.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jlab.inspect.Annotation.Change;
import jlab.inspect.Annotation.Row;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The inspectors on the real /proc of this JVM, with real threads and a real child in a new pid namespace. */
@Tag("kernel")
class InspectorsKernelTest {

    private final int jvm = (int) ProcessHandle.current().pid();

    /** Runs {@code body} while a parked platform thread exists, passing that thread's kernel tid. */
    private static void withParkedThread(ThrowingIntConsumer body) throws Exception {
        CompletableFuture<Integer> tid = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = Thread.ofPlatform().name("jlab-test-container").start(() -> {
            try {
                // /proc/thread-self -> "PID/task/TID"
                tid.complete(Integer.parseInt(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName()
                        .toString()));
                release.await();
            } catch (IOException | InterruptedException | RuntimeException e) {
                tid.completeExceptionally(e);
            }
        });
        try {
            body.accept(tid.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            thread.join(10_000);
        }
    }

    interface ThrowingIntConsumer {
        void accept(int value) throws Exception;
    }

    /** `unshare --pid --fork --kill-child sleep 60`: the sleep is PID 1 of a new pid namespace. */
    private record ChildInNewPidNamespace(Process unshare, ProcessHandle init) implements AutoCloseable {

        static ChildInNewPidNamespace start() throws Exception {
            return start("sleep", "60");
        }

        static ChildInNewPidNamespace start(String... command) throws Exception {
            return start(List.of(), command);
        }

        /** {@code options}: more options for unshare(1), e.g. --mount-proc. */
        static ChildInNewPidNamespace start(List<String> options, String... command) throws Exception {
            List<String> argv = new java.util.ArrayList<>(List.of("unshare", "--pid", "--fork", "--kill-child"));
            argv.addAll(options);
            argv.addAll(List.of(command));
            Process unshare = new ProcessBuilder(argv).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Optional<ProcessHandle> child = unshare.children().findFirst();
                if (child.isPresent()) {
                    return new ChildInNewPidNamespace(unshare, child.get());
                }
                Thread.sleep(5);
            }
            unshare.destroyForcibly().waitFor();
            throw new AssertionError("unshare did not fork its child within 10 s");
        }

        int initPid() {
            return (int) init.pid();
        }

        /** Kills the namespace's PID 1 (which ends the namespace) and waits until unshare has reaped it. */
        @Override
        public void close() throws InterruptedException {
            init.destroyForcibly();
            unshare.destroyForcibly();
            if (!unshare.waitFor(10, TimeUnit.SECONDS)) {
                throw new AssertionError("unshare " + unshare.pid() + " did not exit");
            }
        }
    }

    @Test
    void hostColumnMatchesReadlinkAndAPlainThreadSharesEverything() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        try (var links = Files.list(Path.of("/proc/self/task/" + jvm + "/ns"))) {
            for (Path link : links.toList()) {
                expected.put(link.getFileName().toString(), Files.readSymbolicLink(link).toString());
            }
        }
        withParkedThread(tid -> {
            InspectTarget target = InspectTarget.thisJvm().withContainerThread(tid, Optional::empty);
            Annotation a = new NamespacesInspector().showNow(target);

            Map<String, String> actual = new TreeMap<>();
            for (Row r : a.rows()) {
                String type = r.cells().get(0).replace("_for_children", "");
                actual.put(r.cells().get(0), type + ":[" + r.cells().get(1) + "]");
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(a.rows()).allSatisfy(r -> assertThat(r.cells().get(3)).isEqualTo("shared with host"));
            assertThat(a.notes()).containsExactly("container column: the namespaces of thread " + tid);
        });
    }

    @Test
    void pidsSeesAnOrphanReparentedToTheNamespacesInit() throws Exception {
        PidsInspector pids = new PidsInspector();
        // the subshell starts `sleep 61` and exits at once: its orphan is re-parented to PID 1 (sleep 60)
        try (ChildInNewPidNamespace child = ChildInNewPidNamespace.start("sh", "-c", "(sleep 61 &); exec sleep 60")) {
            int init = child.initPid();
            ProcessSnapshot s = pids.snapshot(InspectTarget.thisJvm().withInit(init));
            // Until the subshell has exited: while it runs, it is the second process, with its parent's command line.
            for (int i = 0; i < 400 && !s.processes().stream().map(ProcessSnapshot.Entry::command).toList()
                    .equals(List.of("sleep 60", "sleep 61")); i++) {
                Thread.sleep(25);
                s = pids.snapshot(InspectTarget.thisJvm().withInit(init));
            }

            assertThat(s.processes()).extracting(ProcessSnapshot.Entry::command).containsExactly("sleep 60", "sleep 61");
            ProcessSnapshot.Entry orphan = s.processes().get(1);
            assertThat(orphan.ppid()).isEqualTo(init);
            assertThat(orphan.nsPids()).hasSize(2).first().isEqualTo(orphan.pid());
            assertThat(Files.readString(Path.of("/proc/" + init + "/task/" + init + "/children")).strip())
                    .isEqualTo(Integer.toString(orphan.pid()));
        }
    }

    @Test
    void pidsSeesAProcessThatEnteredTheNamespaceFromOutside() throws Exception {
        PidsInspector pids = new PidsInspector();
        // --mount-proc gives the namespace a /proc of its own, which lists every process in it
        try (ChildInNewPidNamespace child = ChildInNewPidNamespace.start(List.of("--mount-proc"), "sleep", "60")) {
            int init = child.initPid();
            // nsenter stays outside and forks its child into the namespace: no descendant of the init
            Process nsenter = new ProcessBuilder("nsenter", "-t", Integer.toString(init), "-p", "--", "sleep", "62").start();
            try {
                ProcessSnapshot s = pids.snapshot(InspectTarget.thisJvm().withInit(init));
                for (int i = 0; i < 400 && s.processes().size() < 2; i++) {
                    Thread.sleep(25);
                    s = pids.snapshot(InspectTarget.thisJvm().withInit(init));
                }
                assertThat(s.processes()).extracting(ProcessSnapshot.Entry::command).containsExactly("sleep 60", "sleep 62");
                ProcessSnapshot.Entry entered = s.processes().get(1);
                assertThat(entered.ppid()).as("its parent, nsenter, is outside").isEqualTo((int) nsenter.pid());
                assertThat(entered.nsPids()).hasSize(2).last().isEqualTo(2);
            } finally {
                child.close(); // the init's death kills every process of the namespace, nsenter's child too
                assertThat(nsenter.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("nsenter ended").isTrue();
            }
        }
    }

    @Test
    void pidsFindsTheChildInItsNewPidNamespaceAndSeesItGo() throws Exception {
        PidsInspector pids = new PidsInspector();
        ProcessSnapshot before;
        int init;
        try (ChildInNewPidNamespace child = ChildInNewPidNamespace.start()) {
            init = child.initPid();
            // right after exec, sleep may not have reached its sleep yet: wait for it to be asleep
            for (int i = 0; i < 200 && new jlab.proc.ProcFs().stat(init).map(s -> s.state() != 'S').orElse(true); i++) {
                Thread.sleep(10);
            }
            before = pids.snapshot(InspectTarget.thisJvm().withInit(init));

            assertThat(before.processes()).singleElement().satisfies(e -> {
                assertThat(e.pid()).isEqualTo(init);
                assertThat(e.nsPids()).containsExactly(init, 1);
                assertThat(e.ppid()).isEqualTo((int) child.unshare().pid());
                assertThat(e.command()).isEqualTo("sleep 60");
                assertThat(e.state()).isEqualTo('S');
            });
        }
        // The killed init was re-parented to the machine's PID 1, which reaps it in its own time.
        for (int i = 0; i < 200 && java.nio.file.Files.exists(java.nio.file.Path.of("/proc/" + init)); i++) {
            Thread.sleep(50);
        }
        Annotation gone = pids.diff(before, pids.snapshot(InspectTarget.thisJvm().withInit(init)));

        assertThat(gone.rows()).containsExactly(Row.of(Change.REMOVED, Integer.toString(init), init + "→1",
                before.processes().getFirst().ppid() + "", "S (sleeping)", "sleep 60"));
        assertThat(gone.notes()).contains("the namespace's PID 1 (host PID " + init + ") is gone: the kernel has"
                + " sent SIGKILL to every other process in the namespace");
    }

    @Test
    void mountsAndUtsShowTheHost() throws IOException {
        Annotation mounts = new MountsInspector().showNow(InspectTarget.thisJvm());
        Annotation uts = new UtsInspector().showNow(InspectTarget.thisJvm());

        assertThat(mounts.rows()).extracting(r -> r.cells().getFirst()).contains("/", "/proc");
        assertThat(mounts.notes().getFirst()).endsWith("as the host sees them");
        assertThat(uts.rows().getFirst()).isEqualTo(Row.of(Change.SAME, "host",
                Files.readString(Path.of("/proc/sys/kernel/hostname")).strip()));
    }
}
