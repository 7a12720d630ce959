package jlab.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/**
 * The learner's terminal through JLine: line editing, history in {@code ~/.jlab_history}, Tab completion
 * from the commands, and Ctrl-C routed to whatever runs. Built once; nothing else heavy happens before
 * the first prompt (the jni terminal provider starts faster than exec and ffm: see bench/README.md).
 */
public final class JLineConsole implements Console, AutoCloseable {

    private static final int FALLBACK_WIDTH = 80;

    private final Terminal terminal;
    private final LineReader reader;
    private final boolean color;
    private final boolean unicode;
    private volatile WordCompleter completer = words -> List.of();
    /** What Ctrl-C does outside the prompt; nothing by default, so it never ends jlab. */
    private volatile Runnable interruptHandler;

    private JLineConsole(Terminal terminal, LineReader reader, boolean color, boolean unicode) {
        this.terminal = terminal;
        this.reader = reader;
        this.color = color;
        this.unicode = unicode;
        // The line reader installs its own INT handler while reading and restores this one afterwards.
        terminal.handle(Terminal.Signal.INT, signal -> {
            Runnable h = interruptHandler;
            if (h != null) {
                // the tty has echoed ^C; what the command prints next starts on a line of its own
                terminal.writer().println();
                terminal.writer().flush();
                h.run();
            }
        });
    }

    /** Opens the system terminal, with history in {@code ~/.jlab_history}. */
    public static JLineConsole open() {
        return open(Path.of(System.getProperty("user.home"), ".jlab_history"), System.getenv());
    }

    static JLineConsole open(Path history, Map<String, String> env) {
        try {
            return on(systemTerminal(env.get("TERM")), history, env);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal: " + e.getMessage(), e);
        }
    }

    /**
     * The jni provider first, with no other provider even probed: JLine probes every enabled provider,
     * and the exec one forks {@code test -t 1} for that (tens of milliseconds on a busy machine). Only
     * when jni cannot work (its native library cannot be loaded, or no stream is a terminal) does the
     * exec provider, which runs {@code stty}, get a turn; it falls back to a dumb terminal.
     */
    private static Terminal systemTerminal(String type) throws IOException {
        preferBundledTerminfo(type);
        try {
            return TerminalBuilder.builder().system(true).name("jlab")
                    .providers("jni").jni(true).exec(false).ffm(false).jna(false).jansi(false).dumb(false)
                    .build();
        } catch (IllegalStateException | IOException e) {
            return TerminalBuilder.builder().system(true).name("jlab")
                    .providers("exec").exec(true).jni(false).ffm(false).jna(false).jansi(false)
                    .build();
        }
    }

    /**
     * JLine runs {@code infocmp -x $TERM} at every start unless capabilities for that type are marked
     * loaded, even when it bundles them (xterm, xterm-256color, screen, screen-256color, rxvt, ...).
     * The bundled copies are the standard entries; using them saves a process per start.
     */
    private static void preferBundledTerminfo(String type) {
        if (type == null || type.isBlank() || InfoCmp.getLoadedInfoCmp(type) != null) return;
        String bundled = InfoCmp.getDefaultInfoCmp(type);
        if (bundled != null) InfoCmp.setLoadedInfoCmp(type, bundled);
    }

    /** A console on any JLine terminal (tests and the AOT training run use a virtual one). */
    public static JLineConsole on(Terminal terminal, Path history, Map<String, String> env) {
        Holder holder = new Holder();
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("jlab")
                .variable(LineReader.HISTORY_FILE, history)
                .completer((r, line, candidates) -> holder.console.complete(line, candidates))
                // `!hostname` is jlab's exec, not history expansion
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        boolean dumb = dumb(terminal);
        String noColor = env.get("NO_COLOR");
        boolean color = !dumb && (noColor == null || noColor.isEmpty());
        // the charset the terminal's writer encodes with: under LANG=C that is ASCII even on Java 18+
        boolean unicode = StandardCharsets.UTF_8.equals(terminal.outputEncoding());
        holder.console = new JLineConsole(terminal, reader, color, unicode);
        return holder.console;
    }

    /** The completer is created before the console it calls. */
    private static final class Holder {
        JLineConsole console;
    }

    private void complete(ParsedLine line, List<Candidate> candidates) {
        List<String> words = new java.util.ArrayList<>(line.words().subList(0, line.wordIndex() + 1));
        words.set(words.size() - 1, line.word().substring(0, line.wordCursor()));
        for (String value : completer.candidates(words)) candidates.add(new Candidate(value));
    }

    @Override public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Interrupted();
        } catch (EndOfFileException e) {
            return null;
        }
    }

    @Override public KeyWatch watchKeys() {
        org.jline.terminal.Attributes saved = terminal.enterRawMode();
        return new KeyWatch() {
            @Override public int await(long millis) {
                try {
                    int c = terminal.reader().read(millis);
                    return c == org.jline.utils.NonBlockingReader.READ_EXPIRED ? NO_KEY : c;
                } catch (IOException e) {
                    return -1;
                }
            }

            @Override public void close() {
                terminal.setAttributes(saved);
            }
        };
    }

    /** Only a terminal JLine can put in raw mode and read byte by byte; never a dumb one (piped, TERM=dumb). */
    @Override public java.util.Optional<RawTerminal> rawTerminal() {
        if (dumb(terminal) || !(terminal.input() instanceof org.jline.utils.NonBlockingInputStream input)) return java.util.Optional.empty();
        return java.util.Optional.of(new JLineRawTerminal(terminal, input));
    }

    @Override public PrintWriter out() {
        return terminal.writer();
    }

    /** JLine's printAbove: it erases the prompt line when a line is being read, prints, and redraws it. */
    @Override public void printAbove(String text) {
        reader.printAbove(text);
    }

    @Override public boolean color() {
        return color;
    }

    @Override public boolean unicode() {
        return unicode;
    }

    @Override public int width() {
        int w = terminal.getWidth();
        return w > 0 ? w : FALLBACK_WIDTH;
    }

    @Override public int wrapWidth() {
        return dumb(terminal) ? 0 : Math.max(0, terminal.getWidth());
    }

    private static boolean dumb(Terminal terminal) {
        return terminal.getType() == null || terminal.getType().startsWith("dumb");
    }

    @Override public InterruptScope onInterrupt(Runnable handler) {
        Runnable before = interruptHandler;
        interruptHandler = handler;
        return () -> interruptHandler = before;
    }

    @Override public void completeWith(WordCompleter completer) {
        this.completer = completer;
    }

    @Override public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
