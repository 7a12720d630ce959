package jlab.events;

/**
 * A process as the timeline names it: its pid on the host (what the connector reports), its pid inside the
 * container ({@link #OUTSIDE} for jlab itself, {@link #UNKNOWN} when it was gone before /proc could be
 * read), and its command name (comm) at that moment.
 */
public record ProcessRef(int hostPid, int containerPid, String name) {
    public static final int OUTSIDE = 0;
    public static final int UNKNOWN = -1;

    /** jlab's own process: the parent of every command it starts in the container. */
    public static ProcessRef jlab(int hostPid) {
        return new ProcessRef(hostPid, OUTSIDE, "jlab");
    }

    public boolean isJlab() { return containerPid == OUTSIDE; }

    ProcessRef named(String newName) { return new ProcessRef(hostPid, containerPid, newName); }
}
