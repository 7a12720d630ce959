package jlab.lab;

import java.util.List;
import java.util.stream.Collectors;

/** Renders argv the way a learner would type it, for one-line descriptions. */
final class ShellWords {
    private ShellWords() {}

    static String join(List<String> argv) {
        return argv.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.chars().noneMatch(c -> " \t\"'\\$;&|<>*?()".indexOf(c) >= 0)) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
