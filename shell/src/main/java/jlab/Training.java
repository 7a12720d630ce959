package jlab;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.StepView;
import jlab.lab.Lab;
import jlab.lab.LabException;
import jlab.lab.Step;
import jlab.shell.JLineConsole;
import jlab.shell.Shell;
import jlab.shell.StepRenderer;
import jlab.shell.Style;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * {@code jlab --train}: the run the launcher records a JDK AOT cache from ({@code -XX:AOTCacheOutput}).
 * It walks the path to the first prompt and to a lab's first step, so that the classes loaded and linked
 * on it come from the cache next time: the system terminal (a real one when the launcher gives it a
 * pseudo-terminal), a line reader fed a scripted session, the lab catalog (Jackson YAML), a lesson
 * rendered from Markdown, and the first downcalls. It needs no root and changes nothing on the machine.
 */
final class Training {
    private static final String SESSION = "help\nlist\nhelp start\nnosuchcommand\nquit\n";

    private Training() {}

    static int run(Path home) {
        try {
            systemTerminal();
            Path history = Files.createTempFile("jlab-train-history", "");
            try {
                scriptedShell(home, history);
            } finally {
                Files.deleteIfExists(history);
            }
            firstStep(home);
            String nativeDir = System.getProperty("jlab.native.dir");
            if (nativeDir != null) extractTerminalLibrary(Path.of(nativeDir));
            Kernel.syscalls().gettid();
            Kernel.syscalls().geteuid();
            return 0;
        } catch (IOException | LabException | RuntimeException e) {
            System.err.println("jlab --train: " + e);
            return 1;
        }
    }

    /** Opens and closes the system terminal the way {@link JLineConsole#open()} does. */
    private static void systemTerminal() throws IOException {
        try (JLineConsole console = JLineConsole.open()) {
            console.out().flush();
        }
    }

    /** The REPL on a virtual xterm: prompt, line editing and display, commands, completion data. */
    private static void scriptedShell(Path home, Path history) throws IOException {
        var input = new ByteArrayInputStream(SESSION.getBytes(StandardCharsets.UTF_8));
        Terminal terminal = TerminalBuilder.builder().system(false).streams(input, OutputStream.nullOutputStream())
                .type("xterm-256color").encoding(StandardCharsets.UTF_8).size(new org.jline.terminal.Size(100, 40))
                .name("jlab-train").build();
        try (JLineConsole console = JLineConsole.on(terminal, history, Map.of())) {
            LabLibrary labs = new LabLibrary(home, line -> { }, jlab.ledger.Ledger.DEFAULT_BASE); // training keeps no progress
            new Shell(console, labs).run(List.of());
        }
    }

    /**
     * Copies JLine's terminal library for this OS out of its jar into {@code dir}, for the launcher to
     * hand to JLine ({@code -Dlibrary.jline.path}): otherwise JLine extracts it into the temp directory
     * at every start and scans that directory for old copies.
     */
    private static void extractTerminalLibrary(Path dir) throws IOException {
        String name = System.mapLibraryName("jlinenative");
        String resource = "/org/jline/nativ/" + org.jline.nativ.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        try (var in = org.jline.nativ.JLineNativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) return;
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Loads the first lab and renders its first step, as {@code start} would show it (no sandbox). */
    private static void firstStep(Path home) throws LabException, IOException {
        LabLibrary library = new LabLibrary(home, line -> { }, jlab.ledger.Ledger.DEFAULT_BASE); // training keeps no progress
        var entries = library.catalog().list().labs();
        if (entries.isEmpty()) return;
        Lab lab = library.catalog().find(entries.getFirst().id());
        Step step = lab.steps().getFirst();
        String text = step.text() == null ? "" : Files.readString(home.resolve("lesson-content").resolve(step.text()));
        var view = new StepView(1, step.id(), step.title(), text, step.task(), !step.quiz().isEmpty());
        var out = new ByteArrayOutputStream();
        for (String line : new StepRenderer(new Style(true, true), 100).step(view, lab.steps().size(), CheckReport.NONE, 0)) {
            out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }
    }
}
