package jlab.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads start times from {@code <procRoot>/<pid>/stat}. The parser is pure and shared with tests;
 * jlab.proc has the same one and the two are to be merged.
 */
public final class ProcStartTimes implements StartTimes {
    private static final int START_TIME_FIELD = 22;
    /** Fields after the comm's closing parenthesis start at field 3 (state). */
    private static final int FIRST_FIELD_AFTER_COMM = 3;

    private final Path procRoot;

    public ProcStartTimes(Path procRoot) {
        this.procRoot = procRoot;
    }

    /** The host's /proc. */
    public static ProcStartTimes system() {
        return new ProcStartTimes(Path.of("/proc"));
    }

    @Override public OptionalLong startTime(int pid) {
        if (pid <= 0) return OptionalLong.empty();
        String stat;
        try {
            stat = Files.readString(procRoot.resolve(Integer.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            // ESRCH while reading: the process exited between open and read.
            return OptionalLong.empty();
        }
        return liveStartTime(stat);
    }

    /**
     * The start time in a {@code /proc/<pid>/stat} line, empty for zombies and dead tasks. The comm field
     * may itself contain spaces and parentheses ({@code 12727 (we ird) (x) S ...}), so fields are counted
     * from the LAST {@code ')'}.
     */
    public static OptionalLong liveStartTime(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(statLine));
        String[] fields = statLine.substring(close + 1).trim().split(" +");
        int index = START_TIME_FIELD - FIRST_FIELD_AFTER_COMM;
        if (fields.length <= index) {
            throw new IllegalArgumentException("/proc/<pid>/stat line too short: " + abbreviate(statLine));
        }
        String state = fields[0];
        if (state.equals("Z") || state.equals("X") || state.equals("x")) return OptionalLong.empty();
        try {
            return OptionalLong.of(Long.parseLong(fields[index]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("start time is not a number in: " + abbreviate(statLine), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
