package jlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A quiz question. The kind follows from the shape of {@code answer} in YAML: a choice (with {@code choices}), a
 * list of choices, {@code {order}} (with {@code choices}), {@code {number, tolerance, unit}}, {@code {pattern}} or
 * {@code {live}}, or {@code {measure}} (a prediction). Every kind has {@code explain} (shown after answering, may
 * be null), {@code attempts} (default 2; a prediction has one) and {@code hints} (shown one by one, after a wrong
 * answer or when asked for).
 */
public sealed interface Question {
    int DEFAULT_ATTEMPTS = 2;

    String ask();

    String explain();

    int attempts();

    List<String> hints();

    /** {@code answer} is one of {@code choices}. */
    record SingleChoice(String ask, List<String> choices, String answer, String explain, int attempts,
                         List<String> hints)
            implements Question {
        public SingleChoice {
            choices = List.copyOf(choices);
            hints = List.copyOf(hints);
        }
    }

    /** {@code answers} are exactly the right choices, in the order of {@code choices}. */
    record MultipleChoice(String ask, List<String> choices, List<String> answers, String explain, int attempts,
                         List<String> hints)
            implements Question {
        public MultipleChoice {
            choices = List.copyOf(choices);
            answers = List.copyOf(answers);
            hints = List.copyOf(hints);
        }
    }

    /** The learner puts all {@code choices} in {@code order}: right only in exactly that order. */
    record Ordering(String ask, List<String> choices, List<String> order, String explain, int attempts,
                         List<String> hints)
            implements Question {
        public Ordering {
            choices = List.copyOf(choices);
            order = List.copyOf(order);
            hints = List.copyOf(hints);
        }

        /**
         * The choices a learner named, in their order: by 1-based number or by text (any case), separated by
         * commas, spaces or new lines; a choice with spaces in it is recognised whole. A word that names no
         * choice is kept as typed (and so makes the answer wrong).
         */
        public static List<String> named(List<String> choices, String answer) {
            List<String> named = new ArrayList<>();
            int i = 0;
            while (i < answer.length()) {
                if (separator(answer.charAt(i))) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < answer.length() && !separator(answer.charAt(end))) end++;
                String word = answer.substring(i, end);
                if (word.matches("\\d{1,9}") && Integer.parseInt(word) >= 1 && Integer.parseInt(word) <= choices.size()) {
                    named.add(choices.get(Integer.parseInt(word) - 1));
                    i = end;
                    continue;
                }
                String whole = null;
                for (String choice : choices) {
                    int after = i + choice.length();
                    if (answer.regionMatches(true, i, choice, 0, choice.length())
                            && (after == answer.length() || separator(answer.charAt(after)))
                            && (whole == null || choice.length() > whole.length())) whole = choice;
                }
                named.add(whole != null ? whole : word);
                i = whole != null ? i + whole.length() : end;
            }
            return named;
        }

        private static boolean separator(char c) {
            return c == ',' || Character.isWhitespace(c);
        }

        public boolean accepts(String answer) {
            List<String> named = named(choices, answer);
            if (named.size() != order.size()) return false;
            for (int i = 0; i < named.size(); i++) {
                if (!named.get(i).equalsIgnoreCase(order.get(i))) return false;
            }
            return true;
        }
    }

    /** A number, right within {@code tolerance}; {@code unit} (may be null) is shown and ignored in answers. */
    record NumberQuestion(String ask, double number, double tolerance, String unit, String explain, int attempts,
                         List<String> hints)
            implements Question {
        public NumberQuestion {
            hints = List.copyOf(hints);
        }

        public boolean accepts(double value) {
            return Math.abs(value - number) <= tolerance;
        }
    }

    /**
     * Free text that must match {@code pattern}, case-insensitively. {@code example} (may be null) is a right answer
     * in words, shown once the attempts are used up (rather than the pattern) and typed by lint.
     */
    record TextQuestion(String ask, String pattern, String example, String explain, int attempts,
                         List<String> hints) implements Question {
        public TextQuestion {
            hints = List.copyOf(hints);
        }

        public Pattern compiled() {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        public boolean accepts(String text) {
            return compiled().matcher(text.strip()).find();
        }
    }

    /**
     * The right answer is read from the kernel when the learner answers. For a counter ({@link LiveKey.Kind#counter})
     * any value between its values when the question was shown and at the answer is right, within
     * {@code tolerance}; other values are matched exactly ({@code tolerance} is 0).
     */
    record LiveQuestion(String ask, LiveKey key, double tolerance, String explain, int attempts,
                         List<String> hints) implements Question {
        public LiveQuestion {
            hints = List.copyOf(hints);
            if (tolerance > 0 && !key.kind().counter()) {
                throw new IllegalArgumentException("a tolerance belongs to a live counter, not " + key.text());
            }
        }
    }

    /**
     * Predict-then-measure: asked when the learner moves onto the step, before its actions run; graded once,
     * against how much {@code measure} changed from just before the actions to {@code over} after them, within
     * {@code tolerance}. {@code expect} is the value the author reasons a learner should predict: lint proves
     * the kernel's measurement lands within {@code tolerance} of it.
     */
    record Prediction(String ask, LiveKey measure, java.time.Duration over, double expect, double tolerance,
                      String unit, String explain, List<String> hints) implements Question {
        public Prediction {
            hints = List.copyOf(hints);
        }

        @Override public int attempts() {
            return 1;
        }

        public boolean accepts(double predicted, double measured) {
            return Math.abs(predicted - measured) <= tolerance;
        }
    }
}
