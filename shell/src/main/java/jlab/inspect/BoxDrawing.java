package jlab.inspect;

/**
 * Box-drawing characters and their ASCII stand-ins, one for one so that columns stay where they are:
 * corners and junctions become {@code +}, lines {@code -} and {@code |}, double lines {@code =}.
 */
public final class BoxDrawing {
    private static final String UNICODE = "┌┐└┘├┤┬┴┼─│═║╗╝╔╚…";
    private static final String ASCII = "+++++++++-|=|++++~";

    private BoxDrawing() {}

    /** {@code line} with every box-drawing character replaced by its ASCII stand-in. */
    public static String ascii(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int at = UNICODE.indexOf(c);
            b.append(at < 0 ? c : ASCII.charAt(at));
        }
        return b.toString();
    }
}
