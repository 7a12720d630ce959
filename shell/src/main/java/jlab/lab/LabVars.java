package jlab.lab;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Per-session parameters: a lab's {@code vars:} are drawn once when the lab is loaded, from a closed set of
 * generators ({@code pick}, {@code range} with {@code step}, {@code hex}), and {@code ${vars.name}} (or an
 * arithmetic expression over them, {@code ${vars.quota / 1000}}) is replaced in step texts, actions, checks,
 * hints and quiz answers. A {@code ${...}} that does not mention {@code vars.} is left alone (shell text).
 */
public final class LabVars {
    /** The environment variable that fixes the draw (tests, lint runs that must be repeatable). */
    public static final String SEED_ENV = "JLAB_SEED";
    /** The generators a var may use: exactly one per var. */
    static final List<String> GENERATORS = List.of("pick", "range", "hex");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_HEX = 32;

    private LabVars() {}

    /** One {@code ${...}} that mentions vars: where it starts in its text, and what is inside the braces. */
    public record Placeholder(int offset, String expression) {}

    /** The placeholders of {@code text} that refer to vars. */
    public static List<Placeholder> placeholders(String text) {
        List<Placeholder> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (m.group(1).contains("vars.")) found.add(new Placeholder(m.start(), m.group(1).strip()));
        }
        return found;
    }

    /** {@code text} with every vars placeholder replaced; @throws IllegalArgumentException naming the first bad one */
    public static String expand(String text, Map<String, String> values) {
        if (!text.contains("${")) return text;
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inside = m.group(1);
            String replacement = inside.contains("vars.") ? evaluate(inside.strip(), values) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Like {@link #expand} but leaves a bad placeholder as written (for texts already validated). */
    public static String expandLeniently(String text, Map<String, String> values) {
        try {
            return expand(text, values);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** The value of one placeholder: a var, or arithmetic (+ - * / and parentheses) over vars and numbers. */
    static String evaluate(String expression, Map<String, String> values) {
        Matcher plain = Pattern.compile("vars\\.([A-Za-z0-9_]+)").matcher(expression);
        if (plain.matches()) return value(plain.group(1), values);
        return format(new Arithmetic(expression, values).parse());
    }

    private static String value(String name, Map<String, String> values) {
        String value = values.get(name);
        if (value != null) return value;
        String suggestion = values.isEmpty() ? "declare it under `vars:` at the top of the lab"
                : Suggestions.closest(name, values.keySet()).map(s -> "did you mean 'vars." + s + "'?")
                        .orElse("the lab's vars are " + String.join(", ", values.keySet().stream().map(k -> "vars." + k).toList()));
        throw new IllegalArgumentException("unknown variable 'vars." + name + "'", new Suggestion(suggestion));
    }

    /** Carries the suggestion of an {@link IllegalArgumentException} from {@link #expand}. */
    static final class Suggestion extends RuntimeException {
        Suggestion(String text) {
            super(text, null, false, false);
        }
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) throw new IllegalArgumentException("the expression has no value (division by zero?)");
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Draws every var of {@code vars} (name → generator), reporting bad ones at their place. */
    static Map<String, String> draw(Map<String, Raw.Var> vars, long seed, YamlSource source, Problems problems) {
        Map<String, String> values = new LinkedHashMap<>();
        if (vars == null) return values;
        for (Map.Entry<String, Raw.Var> e : vars.entrySet()) {
            String name = e.getKey();
            String at = YamlSource.child("/vars", name);
            if (!NAME.matcher(name).matches()) {
                problems.add(source.problem(at, true, "a var name starts with a-z and has only a-z, 0-9 and '_'", null));
                continue;
            }
            String problem = check(e.getValue());
            // A misspelt generator was reported at its key, with the right spelling: "found none" adds nothing.
            if (problem != null && generators(e.getValue()) == 0 && hasUnknownKey(source.at(at))) continue;
            if (problem != null) {
                problems.add(source.problem(at, true, "var '" + name + "': " + problem, "use one of pick, range (with step), hex"));
                continue;
            }
            values.put(name, generate(e.getValue(), new SplittableRandom(seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L))));
        }
        return values;
    }

    private static String check(Raw.Var var) {
        if (var == null) return "needs a generator, like `{ pick: [a, b] }`";
        int generators = generators(var);
        if (generators != 1) return "needs exactly one generator, found " + (generators == 0 ? "none" : generators);
        if (var.step() != null && var.range() == null) return "`step` belongs to a range";
        if (var.pick() != null) {
            if (var.pick().isEmpty() || var.pick().stream().anyMatch(v -> v == null || v.isBlank())) {
                return "pick needs a list of non-empty values";
            }
        } else if (var.range() != null) {
            if (var.range().size() != 2) return "range is [low, high], two whole numbers";
            long low = var.range().get(0), high = var.range().get(1);
            if (low > high) return "range [" + low + ", " + high + "] is empty: low is above high";
            if (var.step() != null && var.step() <= 0) return "step must be a positive number";
        } else if (var.hex() < 1 || var.hex() > MAX_HEX) {
            return "hex is a length from 1 to " + MAX_HEX;
        }
        return null;
    }

    private static int generators(Raw.Var var) {
        return var == null ? 0 : (var.pick() != null ? 1 : 0) + (var.range() != null ? 1 : 0) + (var.hex() != null ? 1 : 0);
    }

    private static boolean hasUnknownKey(JsonNode var) {
        return var.isObject() && var.properties().stream()
                .anyMatch(e -> !GENERATORS.contains(e.getKey()) && !e.getKey().equals("step"));
    }

    private static String generate(Raw.Var var, SplittableRandom random) {
        if (var.pick() != null) return var.pick().get(random.nextInt(var.pick().size()));
        if (var.range() != null) {
            long low = var.range().get(0), step = var.step() == null ? 1 : var.step();
            long choices = (var.range().get(1) - low) / step + 1;
            return Long.toString(low + step * random.nextLong(choices));
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < var.hex(); i++) hex.append(Character.forDigit(random.nextInt(16), 16));
        return hex.toString();
    }

    /** A seed: {@code JLAB_SEED} when set (and a number), else a fresh one. */
    static long seed() {
        String fixed = System.getenv(SEED_ENV);
        if (fixed != null && !fixed.isBlank()) {
            try {
                return Long.parseLong(fixed.strip());
            } catch (NumberFormatException e) {
                return fixed.strip().hashCode();
            }
        }
        return java.util.concurrent.ThreadLocalRandom.current().nextLong();
    }

    /** A tiny recursive-descent parser: sum := product (('+'|'-') product)*, product := unary (('*'|'/') unary)*. */
    private static final class Arithmetic {
        private final String text;
        private final Map<String, String> values;
        private int at;

        Arithmetic(String text, Map<String, String> values) {
            this.text = text;
            this.values = values;
        }

        double parse() {
            double v = sum();
            skip();
            if (at < text.length()) throw bad("unexpected '" + text.charAt(at) + "'");
            return v;
        }

        private double sum() {
            double v = product();
            for (skip(); at < text.length() && (peek() == '+' || peek() == '-'); skip()) {
                char op = text.charAt(at++);
                double r = product();
                v = op == '+' ? v + r : v - r;
            }
            return v;
        }

        private double product() {
            double v = unary();
            for (skip(); at < text.length() && (peek() == '*' || peek() == '/'); skip()) {
                char op = text.charAt(at++);
                double r = unary();
                v = op == '*' ? v * r : v / r;
            }
            return v;
        }

        private double unary() {
            skip();
            if (at >= text.length()) throw bad("it ends too early");
            char c = peek();
            if (c == '-') {
                at++;
                return -unary();
            }
            if (c == '(') {
                at++;
                double v = sum();
                skip();
                if (at >= text.length() || peek() != ')') throw bad("a ')' is missing");
                at++;
                return v;
            }
            int start = at;
            if (Character.isDigit(c) || c == '.') {
                while (at < text.length() && (Character.isDigit(peek()) || peek() == '.')) at++;
                return Double.parseDouble(text.substring(start, at));
            }
            while (at < text.length() && (Character.isLetterOrDigit(peek()) || "._".indexOf(peek()) >= 0)) at++;
            String word = text.substring(start, at);
            if (!word.startsWith("vars.")) throw bad(word.isEmpty() ? "unexpected '" + c + "'" : "'" + word + "' is not a var (write vars." + word + ")");
            String value = value(word.substring("vars.".length()), values);
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw bad("'" + word + "' is '" + value + "', not a number");
            }
        }

        private char peek() {
            return text.charAt(at);
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(peek())) at++;
        }

        private IllegalArgumentException bad(String why) {
            return new IllegalArgumentException("cannot compute ${" + text + "}: " + why, new Suggestion(
                    "use numbers, vars and + - * / ( ), like ${vars.quota / 1000}"));
        }
    }
}
