package jlab.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one quiz question; its kind follows from the shape of {@code answer}: a scalar, a list or
 * {@code {order}} with {@code choices}, else a mapping with exactly one of {@code number}, {@code pattern},
 * {@code live}, {@code measure}.
 */
final class QuestionReader {
    private final LabReader reader;
    private final YamlSource source;
    private final Problems problems;

    QuestionReader(LabReader reader, YamlSource source, Problems problems) {
        this.reader = reader;
        this.source = source;
        this.problems = problems;
    }

    Question read(JsonNode node, String pointer) {
        if (!node.isObject()) {
            problems.add(source.problem(pointer, false, "a question is a mapping with the keys ask, answer, ..., not "
                    + YamlSource.shapeOf(node), null));
            return null;
        }
        Raw.Question raw = reader.convert(node, pointer, Raw.Question.class);
        reader.requireKeys(node, pointer, "a question", RequiredKeys.QUESTION);
        if (raw == null || raw.answer() == null || raw.answer().isNull()) return null;
        int attempts = raw.attempts() == null ? Question.DEFAULT_ATTEMPTS : raw.attempts();
        String answerAt = pointer + "/answer";
        Question question = raw.choices() != null
                ? choice(raw, attempts, answerAt)
                : open(raw, attempts, answerAt);
        if (raw.choices() == null && raw.answer().has("measure") && raw.attempts() != null) {
            problems.add(source.problem(pointer + "/attempts", true,
                    "a prediction is graded once, against what the kernel measures: it takes no attempts", null));
        }
        if (question != null) reader.remember(question, pointer);
        return question;
    }

    private Question choice(Raw.Question raw, int attempts, String answerAt) {
        JsonNode answer = raw.answer();
        List<String> choices = Lists.copy(raw.choices());
        if (answer.isValueNode()) {
            return new Question.SingleChoice(raw.ask(), choices, answer.asText(), raw.explain(), attempts, hints(raw));
        }
        if (answer.isArray()) {
            List<String> answers = new ArrayList<>();
            for (JsonNode item : answer) {
                if (item.isValueNode() && !item.isNull()) answers.add(item.asText());
            }
            if (answers.size() != answer.size()) {
                problems.add(source.problem(answerAt, false, "the answers of a multiple choice are choices", null));
                return null;
            }
            return new Question.MultipleChoice(raw.ask(), choices, answers, raw.explain(), attempts, hints(raw));
        }
        if (answer.has("order")) return ordering(raw, choices, attempts, answerAt);
        problems.add(source.problem(answerAt, false,
                "with choices, the answer is one of them, a list of them or { order: [...] }, not a mapping "
                        + "without order", null));
        return null;
    }

    /** {@code answer: { order: [c, a, b] }}: the choices in their right order (the validator checks each is there once). */
    private Question ordering(Raw.Question raw, List<String> choices, int attempts, String answerAt) {
        Raw.Answer a = reader.convert(raw.answer(), answerAt, Raw.Answer.class);
        if (a == null) return null;
        var others = new ArrayList<String>();
        raw.answer().fieldNames().forEachRemaining(name -> {
            if (!name.equals("order")) others.add(name);
        });
        if (!others.isEmpty()) {
            problems.add(source.problem(YamlSource.child(answerAt, others.getFirst()), true,
                    "an order answer has only the key order, not '" + others.getFirst() + "'", null));
            return null;
        }
        if (a.order() == null) {
            if (!raw.answer().get("order").isNull()) return null; // the reader said why it is no list
            problems.add(source.problem(answerAt + "/order", false,
                    "order is the list of all choices in their right order, e.g. order: [c, a, b]", null));
            return null;
        }
        return new Question.Ordering(raw.ask(), choices, Lists.copy(a.order()), raw.explain(), attempts, hints(raw));
    }

    private Question open(Raw.Question raw, int attempts, String answerAt) {
        JsonNode answer = raw.answer();
        if (!answer.isObject()) {
            String advice = answer.isNumber() ? "write `answer: { number: " + answer.asText() + " }`"
                    : answer.isArray() ? "add `choices:`"
                    : "add `choices:`, or write `answer: { pattern: \"^" + answer.asText() + "$\" }`";
            problems.add(source.problem(answerAt, false, "without choices, the answer is a mapping with number, "
                    + "pattern or live, not " + YamlSource.shapeOf(answer), advice));
            return null;
        }
        Raw.Answer a = reader.convert(answer, answerAt, Raw.Answer.class);
        if (a == null) return null;
        if (a.order() != null) {
            problems.add(source.problem(answerAt + "/order", false,
                    "an order answer puts choices in order: add `choices:` with the items to order", null));
            return null;
        }
        int kinds = (a.number() != null ? 1 : 0) + (a.pattern() != null ? 1 : 0) + (a.live() != null ? 1 : 0)
                + (a.measure() != null ? 1 : 0);
        if (kinds != 1) {
            problems.add(source.problem(answerAt, false, "an answer has exactly one of number, pattern, live, measure; "
                    + "found " + (kinds == 0 ? "none" : kinds), null));
            return null;
        }
        if (a.number() == null && a.measure() == null && (a.unit() != null || (a.tolerance() != null && a.live() == null))) {
            String key = a.unit() != null ? "unit" : "tolerance";
            problems.add(source.problem(YamlSource.child(answerAt, key), true,
                    "'" + key + "' belongs to a number or measure answer" + (key.equals("tolerance") ? " (or a live counter)" : ""), null));
        }
        if (a.pattern() == null && a.example() != null) {
            problems.add(source.problem(YamlSource.child(answerAt, "example"), true,
                    "'example' belongs to a pattern answer: a right answer that matches the pattern", null));
        }
        if (a.measure() == null && (a.seconds() != null || a.expect() != null)) {
            String key = a.seconds() != null ? "seconds" : "expect";
            problems.add(source.problem(YamlSource.child(answerAt, key), true,
                    "'" + key + "' belongs to a measure answer (a prediction)", null));
        }
        if (a.number() != null) {
            double tolerance = a.tolerance() == null ? 0 : a.tolerance();
            return new Question.NumberQuestion(raw.ask(), a.number(), tolerance, a.unit(), raw.explain(), attempts,
                    hints(raw));
        }
        if (a.pattern() != null) {
            return new Question.TextQuestion(raw.ask(), a.pattern(), a.example(), raw.explain(), attempts, hints(raw));
        }
        if (a.measure() != null) return prediction(raw, a, answerAt);
        Optional<LiveKey> key = liveKey(a.live(), answerAt + "/live");
        if (key.isEmpty()) return null;
        double tolerance = a.tolerance() == null ? 0 : a.tolerance();
        if (tolerance > 0 && !key.get().kind().counter()) {
            problems.add(source.problem(YamlSource.child(answerAt, "tolerance"), true,
                    "'tolerance' belongs to a live counter (container.zombies, cgroup.<value>): "
                    + key.get().text() + " is matched exactly", null));
            return null;
        }
        return new Question.LiveQuestion(raw.ask(), key.get(), tolerance, raw.explain(), attempts, hints(raw));
    }

    /** The longest wait a prediction may ask for: the learner waits it out at the prompt. */
    static final double MAX_SECONDS = 30;

    private Question prediction(Raw.Question raw, Raw.Answer a, String answerAt) {
        Optional<LiveKey> key = liveKey(a.measure(), answerAt + "/measure");
        if (key.isEmpty()) return null;
        boolean ok = true;
        if (!key.get().kind().counter()) {
            problems.add(source.problem(answerAt + "/measure", false, "'" + key.get().text() + "' is not a value that "
                    + "changes while a step runs; measure a cgroup value (cgroup.cpu.nr_throttled, ...) or "
                    + "container.zombies", null));
            ok = false;
        }
        if (a.expect() == null) {
            problems.add(source.problem(answerAt, false, "a measure answer needs `expect:`, the value a learner who "
                    + "reasons right predicts (lint proves the kernel measures it within the tolerance)", null));
            ok = false;
        }
        double seconds = a.seconds() == null ? 0 : a.seconds();
        if (seconds < 0 || seconds > MAX_SECONDS || Double.isNaN(seconds)) {
            problems.add(source.problem(answerAt + "/seconds", false, "seconds is from 0 to " + (int) MAX_SECONDS
                    + ": the learner waits that long", null));
            ok = false;
        }
        double tolerance = a.tolerance() == null ? 0 : a.tolerance();
        if (!ok) return null;
        return new Question.Prediction(raw.ask(), key.get(), java.time.Duration.ofMillis(Math.round(seconds * 1000)),
                a.expect(), tolerance, a.unit(), raw.explain(), hints(raw));
    }

    private Optional<LiveKey> liveKey(String text, String at) {
        Optional<LiveKey> key = LiveKey.parse(text);
        if (key.isEmpty()) {
            problems.add(source.problem(at, false, "unknown live value '" + text + "'",
                    Suggestions.didYouMean(text, LiveKey.names())));
        }
        return key;
    }

    private static List<String> hints(Raw.Question raw) {
        return raw.hints() == null ? List.of() : raw.hints().stream().filter(h -> h != null && !h.isBlank()).toList();
    }
}
