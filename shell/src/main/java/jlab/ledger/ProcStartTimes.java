package jlab.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

import jlab.proc.ProcStat;

/**
 * Reads start times from {@code <procRoot>/<pid>/stat} with jlab.proc's parser; a zombie counts as gone.
 */
public final class ProcStartTimes implements StartTimes {
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

    /** The start time in a {@code /proc/<pid>/stat} line, empty for zombies and dead tasks. */
    public static OptionalLong liveStartTime(String statLine) {
        ProcStat stat = ProcStat.parse(statLine);
        return "ZXx".indexOf(stat.state()) >= 0 ? OptionalLong.empty() : OptionalLong.of(stat.startTime());
    }
}
