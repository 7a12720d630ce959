package jlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jlab.kernel.Errno;
import jlab.kernel.RecordingSyscalls;
import jlab.lab.Lab;
import jlab.lab.LabLoader;
import jlab.shell.Labs;
import jlab.shell.ScriptConsole;
import jlab.shell.Shell;

/** The engine and a whole REPL session over the namespaces lab, against a recording fake kernel (no root). */
class EngineWithFakeKernelTest {
    private static final Path HOME = LabLoader.home();
    private FakeKernelEngines engines;
    private Lab lab;

    @BeforeEach
    void load() throws Exception {
        engines = new FakeKernelEngines("jlab-fake-kernel");
        lab = engines.lab;
    }

    @AfterEach
    void removeWorkspace() throws IOException {
        engines.close();
    }

    private Engine engine(RecordingSyscalls fake) throws IOException {
        return engines.engine(fake);
    }

    @Test
    void stepsMakeTheKernelCallsTheLessonsDescribe() throws IOException {
        var fake = new RecordingSyscalls();
        try (Engine engine = engine(fake)) {
            engine.goTo(0);
            var unshare = engine.goTo(1);
            assertThat(unshare.syscalls()).containsExactly(
                    "unshare(CLONE_NEWNS|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWPID|CLONE_NEWNET|CLONE_NEWCGROUP) = 0",
                    "mount(NULL, \"/\", NULL, MS_REC|MS_PRIVATE, NULL) = 0");
            var pid1 = engine.goTo(2);
            assertThat(pid1.syscalls()).last().asString().startsWith("posix_spawn(\"/bin/sh\"");
            assertThat(pid1.notes()).anyMatch(n -> n.startsWith("init started: host pid 1000"));

            engine.goTo(3);
            assertThat(engine.check().passed()).as("the hostname task before the learner acts").isFalse();
            List<String> output = new ArrayList<>();
            var exec = engine.exec(List.of("hostname", lab.vars().get("hostname")), output::add);
            assertThat(exec.syscalls()).singleElement().asString().startsWith("posix_spawn(\"/bin/hostname\"");
            assertThat(exec.checks().passed()).isTrue();
            assertThat(fake.programsRun()).as("each let through its gate by a line jlab wrote")
                    .contains(List.of("hostname", lab.vars().get("hostname")));

            var back = engine.goTo(1);
            assertThat(back.syscalls()).as("going back runs nothing").isEmpty();
            assertThat(back.notes()).containsExactly("the kernel still shows what steps 3–4 did: going back undoes "
                    + "nothing; `reset` rebuilds the sandbox as it was at this step");
            assertThat(engine.goTo(3).notes()).as("back where the sandbox is").isEmpty();
        }
        assertThat(fake.calls()).contains("kill(1000, SIGKILL)");
    }

    /** What ran was sh -c and one script, and that is what the learner reads. */
    @Test
    void echoedCommandsAreQuotedAsAShellWouldNeedThem() throws IOException {
        try (Engine engine = engine(new RecordingSyscalls())) {
            assertThat(engine.goTo(2).notes())
                    .contains("init started: host pid 1000 (/bin/sh -c \"trap '' TERM INT; while :; do sleep 1000; done\")");
            assertThat(engine.goTo(5).step().id()).isEqualTo("pivot-root");
            assertThat(engine.solve().output()).startsWith("$ sh -c 'mkdir -p /tmp && mount -t tmpfs -o size=16m tmpfs /tmp'");
        }
    }

    @Test
    void aFailingCallIsShownWithItsErrnoAndTheLabGoesOn() throws IOException {
        var fake = new RecordingSyscalls().failing("pivot_root", Errno.EINVAL);
        try (Engine engine = engine(fake)) {
            var step = engine.goTo(5);
            assertThat(step.step().id()).isEqualTo("pivot-root");
            assertThat(step.syscalls()).contains("pivot_root(\".\", \".\") = -1 EINVAL (Invalid argument)");
            assertThat(step.notes()).anyMatch(n -> n.startsWith("✗ ") && n.contains("EINVAL"));
            var warned = engine.goTo(6);
            assertThat(warned.step().id()).as("an unsolved task holds `next` once").isEqualTo("pivot-root");
            assertThat(warned.notes()).anyMatch(n -> n.contains("Type `next` again"));
            assertThat(engine.goTo(6).step().id()).isEqualTo("network");
        }
    }

    @Test
    void aScriptedShellSessionOverTheFakeKernel() throws IOException {
        var fake = new RecordingSyscalls().printing(argv -> argv.getFirst().equals("ps") ? "PID USER COMMAND\n 1 root sh\n" : "");
        var console = new ScriptConsole(List.of("start namespaces", "next", "next", "! ps", "next", "check",
                "solve", "show syscalls", "quit"), 100, false);
        Labs labs = new Labs() {
            @Override public List<LabSummary> list() { return List.of(new LabSummary("namespaces", lab.title(), "", 9)); }

            @Override public LabSession start(String id) {
                try {
                    return engine(fake);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        new Shell(console, labs).run(List.of());
        String seen = console.transcript();
        String name = lab.vars().get("hostname");
        assertThat(seen).contains("namespaces 3/9 >", " 1 root sh",
                "posix_spawn(\"/bin/hostname\", [\"hostname\", \"" + name + "\"])", "hostname in container is '" + name + "'");
        assertThat(seen).doesNotContain("Exception");
        String ps = seen.substring(seen.indexOf("> ! ps"), seen.indexOf("> next", seen.indexOf("> ! ps")));
        assertThat(ps.indexOf("posix_spawn(\"/bin/ps\"")).as("the spawn shows before the program's output, as it happened")
                .isPositive().isLessThan(ps.indexOf("PID USER COMMAND"));
        assertThat(ps.indexOf("posix_spawn(\"/bin/ps\"")).as("once").isEqualTo(ps.lastIndexOf("posix_spawn(\"/bin/ps\""));
    }
}
