package jlab.shell;

import java.io.PrintWriter;
import java.util.List;

/**
 * The seam between the REPL and the terminal: {@link JLineConsole} for people, a scripted console for
 * tests. Ctrl-C has two meanings: at the prompt it abandons the line ({@link Interrupted}); while a
 * command runs it calls the handler given to {@link #onInterrupt}, and never ends the program.
 */
public interface Console {

    /** Thrown by {@link #readLine} when the learner presses Ctrl-C at the prompt. */
    final class Interrupted extends RuntimeException {
        public Interrupted() {
            super("interrupted at the prompt", null, false, false);
        }
    }

    /** Completes the word being typed: given the words so far (the last one partial), all candidates. */
    @FunctionalInterface
    interface WordCompleter {
        List<String> candidates(List<String> words);
    }

    /** Undoes an {@link #onInterrupt} registration. */
    interface InterruptScope extends AutoCloseable {
        @Override void close();
    }

    /** One line without its newline; {@code null} at end of input (Ctrl-D). */
    String readLine(String prompt) throws Interrupted;

    PrintWriter out();

    /**
     * Prints {@code text} as lines of their own from any thread, such as a notice that comes while the
     * learner types: at the prompt it goes above it, and the prompt and the half-typed line are drawn again.
     */
    default void printAbove(String text) {
        out().println(text);
        out().flush();
    }

    boolean color();

    /** True when the terminal shows UTF-8 (box drawing, ✓); ASCII stand-ins otherwise. */
    boolean unicode();

    /** Columns of the terminal, now (it may be resized). */
    int width();

    /**
     * Where jlab breaks its own long lines (syscalls, check details, event summaries) so that the terminal
     * does not break them mid-word: the width of a terminal that knows it, 0 (lines left whole) on a dumb
     * one, a pipe, or a terminal whose width is unknown.
     */
    default int wrapWidth() {
        return 0;
    }

    /** Until the scope is closed, Ctrl-C runs {@code handler} (on some other thread). */
    InterruptScope onInterrupt(Runnable handler);

    /** Where tab completion comes from; consoles without completion ignore it. */
    default void completeWith(WordCompleter completer) {}

    default Style style() {
        return new Style(color(), unicode());
    }

    /** Key presses while something is drawn live; closing it gives the terminal back to line editing. */
    interface KeyWatch extends AutoCloseable {
        /** Returned by {@link #await} when no key came in time. */
        int NO_KEY = -2;

        /** Waits up to {@code millis} for a key: its code, {@link #NO_KEY}, or -1 when no key can ever come. */
        int await(long millis);

        @Override void close();
    }

    /** Starts reading single key presses (raw mode); consoles that cannot report -1 at once. */
    default KeyWatch watchKeys() {
        return new KeyWatch() {
            @Override public int await(long millis) { return -1; }

            @Override public void close() { }
        };
    }

    /**
     * The terminal handed over byte for byte to a program that runs on a terminal of its own (the
     * container's shell): raw mode with no signals, echo, line editing or output processing, so ^C, ^Z
     * and ^D reach the program as bytes. Closing it restores the terminal as it was.
     */
    interface RawTerminal extends AutoCloseable {
        /** What TERM the program should be told. */
        String type();

        int rows();

        int columns();

        /** Typed bytes: how many, 0 when none came within {@code millis}, -1 when none can ever come. */
        int read(byte[] buffer, long millis);

        void write(byte[] bytes, int offset, int length);

        /** Runs {@code handler} (on some other thread) whenever the terminal is resized, until closed. */
        void onResize(Runnable handler);

        @Override void close();
    }

    /** Puts the terminal in raw mode for a program; empty when this console is not a real terminal. */
    default java.util.Optional<RawTerminal> rawTerminal() {
        return java.util.Optional.empty();
    }
}
