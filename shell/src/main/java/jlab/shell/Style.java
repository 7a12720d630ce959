package jlab.shell;

/**
 * How text looks on this terminal: ANSI colours or none, Unicode symbols or ASCII stand-ins. With
 * {@code color} off every method returns its text unchanged, so plain output never holds an escape.
 */
public record Style(boolean color, boolean unicode) {

    public static final Style PLAIN = new Style(false, false);

    private static final String RESET = "\u001b[0m";

    public String bold(String s) { return sgr("1", s); }

    public String dim(String s) { return sgr("2", s); }

    public String heading(String s) { return sgr("1;4", s); }

    public String green(String s) { return sgr("32", s); }

    public String red(String s) { return sgr("31", s); }

    public String yellow(String s) { return sgr("33", s); }

    public String cyan(String s) { return sgr("36", s); }

    /** Inline code and code blocks. */
    public String code(String s) { return sgr("36", s); }

    public String tick() { return unicode ? "✓" : "ok"; }

    public String cross() { return unicode ? "✗" : "x"; }

    public String dot() { return unicode ? "·" : "-"; }

    public String bullet() { return unicode ? "•" : "*"; }

    public String rule(int width) { return (unicode ? "─" : "-").repeat(Math.max(0, width)); }

    public String dash() { return unicode ? "—" : "-"; }

    private String sgr(String code, String s) {
        return color && !s.isEmpty() ? "\u001b[" + code + "m" + s + RESET : s;
    }

    /** Visible width of a string that may hold SGR escapes (one column per char: no wide glyphs here). */
    public static int visibleLength(String s) {
        return stripAnsi(s).length();
    }

    public static String stripAnsi(String s) {
        return s.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
