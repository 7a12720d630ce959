package jlab.shell;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A terminal in raw mode for tests: hands out the scripted key chunks one per read, then reports "no
 * key in time"; records what was written, whether it was given back (closed), and can be resized.
 */
final class ScriptedRawTerminal implements Console.RawTerminal {
    /** Key chunks (byte[]) and window changes (Runnable), in the order the learner makes them. */
    private final Deque<Object> keys = new ArrayDeque<>();
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private volatile int rows = 24, columns = 80;
    private volatile Runnable resize = () -> { };
    volatile boolean closed;

    ScriptedRawTerminal(List<String> chunks) {
        chunks.forEach(this::type);
    }

    ScriptedRawTerminal type(String chunk) {
        keys.add(chunk.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Between two key chunks, the window changes size. */
    ScriptedRawTerminal resize(int newRows, int newColumns) {
        keys.add((Runnable) () -> resizeTo(newRows, newColumns));
        return this;
    }

    @Override public String type() { return "xterm-256color"; }

    @Override public int rows() { return rows; }

    @Override public int columns() { return columns; }

    @Override public synchronized int read(byte[] buffer, long millis) {
        Object next = keys.poll();
        if (next instanceof Runnable windowChange) {
            windowChange.run();
            return 0;
        }
        if (!(next instanceof byte[] chunk)) {
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
        System.arraycopy(chunk, 0, buffer, 0, chunk.length);
        return chunk.length;
    }

    @Override public synchronized void write(byte[] bytes, int offset, int length) {
        written.write(bytes, offset, length);
    }

    @Override public void onResize(Runnable handler) { resize = handler; }

    /** What a terminal emulator does when its window changes: new size, then SIGWINCH. */
    private void resizeTo(int newRows, int newColumns) {
        rows = newRows;
        columns = newColumns;
        resize.run();
    }

    synchronized String written() { return written.toString(StandardCharsets.UTF_8); }

    @Override public void close() { closed = true; }
}
