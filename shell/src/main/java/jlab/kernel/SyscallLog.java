package jlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * Every system call jlab made, in order, strace-style: {@code unshare(CLONE_NEWUTS|CLONE_NEWPID) = 0}.
 * The shell shows the entries a step added. Calls come from several threads (the container's own and
 * the shell's), so appends are synchronized.
 */
public final class SyscallLog {

    /** One call: who made it (thread id as the kernel knows it), what, and what came back. */
    public record Entry(int tid, String call, List<String> args, String result, boolean failed) {
        public Entry {
            args = List.copyOf(args);
        }

        @Override public String toString() {
            return call + "(" + String.join(", ", args) + ") = " + result;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private java.util.function.Consumer<Entry> watcher;

    public synchronized void add(Entry entry) {
        entries.add(entry);
        if (watcher != null) watcher.accept(entry);
    }

    /** Ends a {@link #watch}. */
    public interface Watch extends AutoCloseable {
        @Override void close();
    }

    /**
     * Hands every entry added from now on to {@code watcher} as well, on the thread that adds it, until the
     * returned watch is closed: a command's spawn shows before the program's first output line.
     */
    public synchronized Watch watch(java.util.function.Consumer<Entry> watcher) {
        this.watcher = watcher;
        return () -> {
            synchronized (this) {
                this.watcher = null;
            }
        };
    }

    /** A position to ask {@link #since(int)} about later, e.g. before a step runs. */
    public synchronized int mark() {
        return entries.size();
    }

    public synchronized List<Entry> since(int mark) {
        return List.copyOf(entries.subList(Math.min(mark, entries.size()), entries.size()));
    }

    public synchronized List<Entry> all() {
        return List.copyOf(entries);
    }

    /** Quotes a string argument the way strace does; {@code NULL} for null. */
    public static String quote(String s) {
        if (s == null) return "NULL";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\%o", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    /** {@code ["/bin/sh", "-c", "echo"]}, as strace prints an argv. */
    public static String quoteAll(List<String> strings) {
        return strings.stream().map(SyscallLog::quote).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
