package jlab.proc;

/**
 * The fields of /proc/PID/stat that jlab uses. {@code startTime} is field 22: when the process started,
 * in clock ticks since boot; together with the pid it names a process even after the pid is reused.
 */
public record ProcStat(int pid, String comm, char state, int ppid, long startTime) {

    /** Index of starttime (field 22) among the fields after the comm, which starts at field 3 (state). */
    private static final int START_TIME_AFTER_COMM = 22 - 3;

    /**
     * Parses one stat line. The comm may hold spaces and parentheses ({@code 4842 (my (x) y)) R ...}), so
     * it is everything between the first '(' and the LAST ')'.
     */
    public static ProcStat parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + text);
        }
        int pid = Integer.parseInt(text.substring(0, open).strip());
        String comm = text.substring(open + 1, close);
        String[] rest = text.substring(close + 1).strip().split(" ");
        if (rest.length <= START_TIME_AFTER_COMM) {
            throw new IllegalArgumentException("too few fields in /proc/PID/stat: " + text);
        }
        return new ProcStat(pid, comm, rest[0].charAt(0), Integer.parseInt(rest[1]),
                Long.parseLong(rest[START_TIME_AFTER_COMM]));
    }
}
