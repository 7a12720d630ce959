package jlab.lab;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a learner's number is read: a number question's answer and a prediction. */
public final class NumberAnswer {
    private NumberAnswer() {}

    private static final Pattern LEADING_NUMBER =
            Pattern.compile("([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)(?:\\s.*|[^\\d.eE\\s].*)?", Pattern.DOTALL);
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
            "seventeen", "eighteen", "nineteen", "twenty");

    /**
     * The number an answer starts with, whatever unit or words follow ({@code 11 devices}, {@code 50%},
     * {@code 1 (lo)}, {@code 150000 100000} for a quota), or a number written as a word up to twenty ({@code one},
     * {@code eight}).
     */
    public static OptionalDouble parse(String text) {
        String t = text.strip();
        Matcher m = LEADING_NUMBER.matcher(t);
        if (m.matches()) return OptionalDouble.of(Double.parseDouble(m.group(1)));
        String word = t.split("[\\s,.;:()]+", 2)[0].toLowerCase(Locale.ROOT);
        int n = NUMBER_WORDS.indexOf(word);
        return n >= 0 ? OptionalDouble.of(n) : OptionalDouble.empty();
    }
}
