package jlab.lab;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes argv as a learner would type it at a POSIX shell to run exactly that argv: a word with blanks or
 * characters the shell treats specially is quoted. The inverse of {@code jlab.shell.ShellWords#split}.
 */
public final class ShellQuoting {
    /** Characters that mean nothing to a shell anywhere in a word, besides letters and digits. */
    private static final String PLAIN = "-_./:,=+@%";
    /** Characters that keep a special meaning inside double quotes ("!" too, for bash's history). */
    private static final String DOUBLE_QUOTED_SPECIAL = "$`\\\"!";

    private ShellQuoting() {}

    /** {@code sh -c 'sleep 1 & exec sleep 2'} for {@code ["sh", "-c", "sleep 1 & exec sleep 2"]}. */
    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }

    /**
     * The word as is when nothing in it is special; in single quotes otherwise, or in double quotes when it
     * holds a single quote and nothing special inside double quotes ({@code "trap '' TERM"} reads better
     * than {@code 'trap '\''\'' TERM'}).
     */
    public static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || PLAIN.indexOf(c) >= 0)) return word;
        if (word.indexOf('\'') >= 0 && word.chars().noneMatch(c -> DOUBLE_QUOTED_SPECIAL.indexOf(c) >= 0)) {
            return "\"" + word + "\"";
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
