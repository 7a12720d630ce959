package jlab.kernel;

/** A terminal's size in character cells, as struct winsize carries it (TIOCGWINSZ, TIOCSWINSZ). */
public record WindowSize(int rows, int columns) {
    public WindowSize {
        if (rows < 0 || columns < 0 || rows > 0xffff || columns > 0xffff) {
            throw new IllegalArgumentException("a window size is two unsigned shorts, not " + rows + "x" + columns);
        }
    }

    @Override public String toString() { return rows + " " + columns; }
}
