package jlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jlab.kernel.Namespace;

class LabLoaderTest {
    @TempDir Path home;

    private static Path fixtures() throws URISyntaxException {
        return Path.of(LabLoaderTest.class.getResource("/labs-fixtures").toURI());
    }

    @Test
    void loadsTheAuthoringExample() throws Exception {
        Path root = fixtures();
        LabLoader loader = new LabLoader(root.resolve("lesson-content"), LabLoader.DEFAULT_INSPECTORS);

        Lab lab = loader.load(root.resolve("labs/namespaces.yaml"));

        assertThat(lab.id()).isEqualTo("namespaces");
        assertThat(lab.title()).isEqualTo("A container from scratch: unshare + chroot");
        assertThat(lab.summary()).isEqualTo("One line for `jlab list`.");
        assertThat(lab.requires()).isEqualTo(new Requires(true, "5.8", List.of("busybox-static")));
        assertThat(lab.sandbox().rootfs()).isEqualTo(SandboxSpec.Rootfs.BUSYBOX);
        assertThat(lab.source()).isEqualTo(root.resolve("labs/namespaces.yaml"));
        assertThat(lab.steps()).hasSize(1);

        Step step = lab.steps().getFirst();
        assertThat(step.id()).isEqualTo("unshare");
        assertThat(step.title()).isEqualTo("New namespaces");
        assertThat(step.text()).isEqualTo("namespaces/02-unshare.md");
        assertThat(step.actions()).containsExactly(
                new Action.Unshare(EnumSet.of(Namespace.MOUNT, Namespace.UTS, Namespace.IPC, Namespace.NET,
                        Namespace.PID, Namespace.CGROUP)),
                new Action.MakePrivate("/"));
        assertThat(step.observe()).containsExactly("namespaces", "mounts");
        assertThat(step.task()).isEqualTo("Give the container the hostname 'lab' without changing the host's.");
        assertThat(step.hints()).hasSize(3).startsWith("Hostnames live in the UTS namespace.");
        assertThat(step.solution()).containsExactly(new Action.Exec(List.of("hostname", "lab")));
        assertThat(step.checks()).containsExactly(
                new Check.HostnameCheck(Check.Where.CONTAINER, "lab", null),
                new Check.HostnameCheck(Check.Where.HOST, null, true));
        assertThat(step.quiz()).containsExactly(new Question.SingleChoice("Which flag creates a new UTS namespace?",
                List.of("CLONE_NEWNS", "CLONE_NEWUTS", "CLONE_NEWIPC"), "CLONE_NEWUTS",
                "UTS = UNIX Time-sharing System; the struct utsname holds the hostname.", 2, List.of()));
        assertThat(step.checks()).extracting(Check::describe)
                .containsExactly("hostname in container is 'lab'", "hostname in host is unchanged");
    }

    @Test
    void theExampleInAuthoringMdIsTheFixture() throws Exception {
        String authoring = Files.readString(RepositoryRoot.find().resolve("AUTHORING.md"));
        String block = authoring.substring(authoring.indexOf("```yaml\n") + 8);
        block = block.substring(0, block.indexOf("```"));

        assertThat(Files.readString(fixtures().resolve("labs/namespaces.yaml"))).isEqualTo(block);
    }

    @Test
    void readsEveryActionCheckAndQuestionKind() throws Exception {
        TempLabs t = new TempLabs(home);
        Path file = t.write("all", """
                id: all
                title: Everything
                steps:
                  - id: one
                    title: One
                    do:
                      - unshare: [mount, uts, pid]
                      - make-private: /
                      - spawn: { argv: [/bin/sh, -c, "sleep 1000"], role: init }
                      - spawn: { argv: [/bin/true] }
                      - sethostname: lab
                      - mount-proc: {}
                      - mount: { type: tmpfs, target: /tmp, options: "size=16m" }
                      - chroot:
                      - pivot-root: {}
                    task: Anything.
                    hint: Just one hint.
                    solution: [ { exec: [sleep, 1] } ]
                    check:
                      - namespace: { type: uts }
                      - namespace: { type: net, differs: false }
                      - init: { running: true }
                      - mounted: { path: /proc, type: proc }
                      - command: { run: [ip, -o, link, show, lo], output: "UP" }
                      - file: { path: /etc/motd, contains: hello }
                      - hostname: { in: host, unchanged: false }
                    quiz:
                      - ask: Which?
                        choices: [a, b, c]
                        answer: [a, c]
                      - ask: How much?
                        answer: { number: 50, tolerance: 5, unit: "%" }
                        attempts: 3
                      - ask: Which file?
                        answer: { pattern: "^(pid_for_children)$" }
                      - ask: Host PID of init?
                        answer: { live: init.host-pid }
                        explain: Look at NSpid.
                """);

        Step step = t.loader.load(file).steps().getFirst();

        assertThat(step.actions()).extracting(Action::keyword).containsExactly("unshare", "make-private", "spawn",
                "spawn", "sethostname", "mount-proc", "mount", "chroot", "pivot-root");
        assertThat(step.actions()).extracting(Action::describe).containsExactly(
                "new mount, uts, pid namespaces for the container",
                "make the mounts under / private (no propagation to or from the host)",
                "start '/bin/sh -c 'sleep 1000'' as the container's init",
                "start '/bin/true' in the container",
                "set the container's hostname to 'lab'",
                "mount /proc for the container's pid namespace",
                "mount a tmpfs at /tmp (size=16m)",
                "chroot into the container's root file system",
                "pivot_root into the container's root file system and detach the old root");
        assertThat(step.hints()).containsExactly("Just one hint.");
        assertThat(step.solution()).containsExactly(new Action.Exec(List.of("sleep", "1")));
        assertThat(step.checks()).containsExactly(
                new Check.NamespaceCheck(Namespace.UTS, true),
                new Check.NamespaceCheck(Namespace.NET, false),
                new Check.InitCheck(true),
                new Check.MountedCheck("/proc", "proc"),
                new Check.CommandCheck(List.of("ip", "-o", "link", "show", "lo"), 0, "UP"),
                new Check.FileCheck("/etc/motd", true, "hello"),
                new Check.HostnameCheck(Check.Where.HOST, null, false));
        assertThat(step.checks()).extracting(Check::describe).containsExactly(
                "container's uts namespace differs from the host's",
                "container's net namespace is the host's",
                "container's init is running",
                "/proc is mounted in the container (type proc)",
                "'ip -o link show lo' exits 0 and prints /UP/",
                "/etc/motd exists and contains 'hello'",
                "hostname in host has changed");
        assertThat(step.quiz()).containsExactly(
                new Question.MultipleChoice("Which?", List.of("a", "b", "c"), List.of("a", "c"), null, 2, List.of()),
                new Question.NumberQuestion("How much?", 50, 5, "%", null, 3, List.of()),
                new Question.TextQuestion("Which file?", "^(pid_for_children)$", null, null, 2, List.of()),
                new Question.LiveQuestion("Host PID of init?", new LiveKey(LiveKey.Kind.INIT_HOST_PID, null), 0,
                        "Look at NSpid.", 2, List.of()));
        assertThat(((Question.TextQuestion) step.quiz().get(2)).accepts("PID_FOR_CHILDREN")).isTrue();
        assertThat(((Question.NumberQuestion) step.quiz().get(1)).accepts(54)).isTrue();
        assertThat(((Question.NumberQuestion) step.quiz().get(1)).accepts(56)).isFalse();
    }

    @Test
    void readsAnOrderingQuestion() throws Exception {
        TempLabs t = new TempLabs(home);
        Path file = t.write("order", """
                id: order
                title: Order
                steps:
                  - id: one
                    title: One
                    quiz:
                      - ask: In which order?
                        choices: [exit, fork, wait, exec]
                        answer: { order: [fork, exec, exit, wait] }
                        explain: A parent forks, the child execs.
                """);

        assertThat(t.loader.load(file).steps().getFirst().quiz()).containsExactly(new Question.Ordering(
                "In which order?", List.of("exit", "fork", "wait", "exec"), List.of("fork", "exec", "exit", "wait"),
                "A parent forks, the child execs.", 2, List.of()));
    }

    @Test
    void aLabWithProblemsThrowsThemAllRendered() {
        TempLabs t = new TempLabs(home);
        Path file = t.write("broken", """
                id: broken
                title: Broken
                steps:
                  - id: one
                    title: One
                    do:
                      - unshar: [uts]
                    observe: [namespaces, pidz]
                """);

        assertThatThrownBy(() -> t.loader.load(file))
                .isInstanceOf(LabException.class)
                .satisfies(e -> assertThat(((LabException) e).problems()).hasSize(2))
                .hasMessage(file + ":7:9: unknown action 'unshar' (did you mean 'unshare'?)\n"
                        + "      - unshar: [uts]\n"
                        + "        ^\n"
                        + "\n"
                        + file + ":8:27: unknown inspector 'pidz' (did you mean 'pids'?)\n"
                        + "    observe: [namespaces, pidz]\n"
                        + "                          ^");
    }

    @Test
    void defaultLessonRootIsUnderJlabHome() {
        assertThat(new LabLoader().lessonRoot()).isEqualTo(LabLoader.home().resolve("lesson-content"));
        assertThat(LabLoader.DEFAULT_INSPECTORS).isEqualTo(Set.of("namespaces", "ns", "pids", "mounts", "uts", "net", "network",
                "links", "overlay", "overlayfs", "layers", "cgroup", "cgroups"));
    }
}
