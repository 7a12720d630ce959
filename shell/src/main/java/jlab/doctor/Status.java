package jlab.doctor;

/** How one doctor check came out, with the ANSI colour the table gives it. */
public enum Status {
    OK("\u001b[32m"),
    WARN("\u001b[33m"),
    FAIL("\u001b[31m");

    static final String RESET = "\u001b[0m";

    private final String ansiColor;

    Status(String ansiColor) {
        this.ansiColor = ansiColor;
    }

    /** The status word wrapped in its colour (green, yellow, red). */
    String colored() {
        return ansiColor + name() + RESET;
    }
}
