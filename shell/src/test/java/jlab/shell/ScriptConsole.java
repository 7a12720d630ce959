package jlab.shell;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A console for tests: answers prompts from a script, records everything printed (prompts and the
 * typed lines included, like a terminal transcript), no colour, a fixed width. {@link #CTRL_C} in the
 * script is Ctrl-C at the prompt; the end of the script is Ctrl-D.
 */
public final class ScriptConsole implements Console {

    public static final String CTRL_C = "\u0003";

    private final Deque<String> script;
    private final StringWriter transcript = new StringWriter();
    private final PrintWriter out = new PrintWriter(transcript, true);
    private final int width;
    private final boolean unicode;
    private volatile Runnable interruptHandler;
    private WordCompleter completer = words -> List.of();
    private Console.RawTerminal raw;
    private int wrapWidth;

    public ScriptConsole(List<String> lines) {
        this(lines, 80, true);
    }

    public ScriptConsole(List<String> lines, int width, boolean unicode) {
        this.script = new ArrayDeque<>(lines);
        this.width = width;
        this.unicode = unicode;
    }

    @Override public String readLine(String prompt) {
        out.print(prompt);
        String line = script.poll();
        if (line == null) {
            out.println("^D");
            return null;
        }
        if (line.equals(CTRL_C)) {
            out.println("^C");
            throw new Interrupted();
        }
        out.println(line);
        return line;
    }

    /** What the learner would press during a running command; true when something handled it. */
    public boolean pressCtrlC() {
        Runnable h = interruptHandler;
        if (h == null) return false;
        h.run();
        return true;
    }

    public List<String> complete(List<String> words) {
        return completer.candidates(words);
    }

    public String transcript() {
        out.flush();
        return transcript.toString();
    }

    @Override public PrintWriter out() { return out; }

    @Override public boolean color() { return false; }

    @Override public boolean unicode() { return unicode; }

    @Override public int width() { return width; }

    @Override public int wrapWidth() { return wrapWidth; }

    /** From now on jlab breaks its long lines at this console's width, as on a terminal that knows it. */
    public ScriptConsole wrapping() {
        wrapWidth = width;
        return this;
    }

    @Override public InterruptScope onInterrupt(Runnable handler) {
        Runnable before = interruptHandler;
        interruptHandler = handler;
        return () -> interruptHandler = before;
    }

    @Override public void completeWith(WordCompleter completer) {
        this.completer = completer;
    }

    /** From now on the console is a real terminal that {@code sh} can put in raw mode: this one. */
    public void rawMode(Console.RawTerminal terminal) {
        this.raw = terminal;
    }

    @Override public java.util.Optional<Console.RawTerminal> rawTerminal() {
        return java.util.Optional.ofNullable(raw);
    }
}
