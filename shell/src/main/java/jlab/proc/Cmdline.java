package jlab.proc;

import java.util.ArrayList;
import java.util.List;

/** Parser of /proc/PID/cmdline: arguments separated (and usually ended) by NUL bytes. */
public final class Cmdline {

    private Cmdline() {
    }

    /**
     * Splits at NUL. Empty text (kernel threads, zombies) gives an empty list; a trailing NUL ends the
     * last argument rather than starting an empty one, but empty arguments in the middle are kept.
     */
    public static List<String> parse(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\0") ? text.substring(0, text.length() - 1) : text;
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int nul = body.indexOf('\0', from);
            if (nul < 0) {
                out.add(body.substring(from));
                return List.copyOf(out);
            }
            out.add(body.substring(from, nul));
            from = nul + 1;
        }
    }
}
