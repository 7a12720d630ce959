package jlab.lab;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A quiz question. The kind follows from the shape of {@code answer} in YAML: a choice (with {@code choices}), a
 * list of choices, {@code {number, tolerance, unit}}, {@code {pattern}} or {@code {live}}. Every kind has
 * {@code explain} (shown after answering, may be null) and {@code attempts} (default 2).
 */
public sealed interface Question {
    int DEFAULT_ATTEMPTS = 2;

    String ask();

    String explain();

    int attempts();

    /** {@code answer} is one of {@code choices}. */
    record SingleChoice(String ask, List<String> choices, String answer, String explain, int attempts)
            implements Question {
        public SingleChoice {
            choices = List.copyOf(choices);
        }
    }

    /** {@code answers} are exactly the right choices, in the order of {@code choices}. */
    record MultipleChoice(String ask, List<String> choices, List<String> answers, String explain, int attempts)
            implements Question {
        public MultipleChoice {
            choices = List.copyOf(choices);
            answers = List.copyOf(answers);
        }
    }

    /** A number, right within {@code tolerance}; {@code unit} (may be null) is shown and ignored in answers. */
    record NumberQuestion(String ask, double number, double tolerance, String unit, String explain, int attempts)
            implements Question {
        public boolean accepts(double value) {
            return Math.abs(value - number) <= tolerance;
        }
    }

    /** Free text that must match {@code pattern}, case-insensitively. */
    record TextQuestion(String ask, String pattern, String explain, int attempts) implements Question {
        public Pattern compiled() {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        public boolean accepts(String text) {
            return compiled().matcher(text.strip()).find();
        }
    }

    /** The right answer is read from the kernel when the learner answers. */
    record LiveQuestion(String ask, LiveKey key, String explain, int attempts) implements Question {}
}
