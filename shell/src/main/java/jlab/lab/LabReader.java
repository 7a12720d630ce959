package jlab.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts a lab's YAML tree into the model, one item at a time: the lab header, each step, each action, check
 * and question on its own, so that every mistake is reported. Remembers the pointer of each model object, so
 * that validation can place its problems too.
 */
final class LabReader {
    /** Bounds the retries after a wrong-typed key is dropped from a mapping. */
    private static final int MAX_TYPE_ERRORS_PER_MAPPING = 16;

    private final ObjectMapper mapper;
    private final YamlSource source;
    private final Problems problems;
    private final JacksonProblems translator;
    private final QuestionReader questions;
    private final Map<Object, String> pointers = new IdentityHashMap<>();

    private final long seed;
    private final Map<String, String> fixedVars;

    LabReader(ObjectMapper mapper, YamlSource source, Problems problems) {
        this(mapper, source, problems, 0, Map.of());
    }

    /** @param seed draws the lab's vars; @param fixedVars values kept instead of drawn, for the vars so named */
    LabReader(ObjectMapper mapper, YamlSource source, Problems problems, long seed, Map<String, String> fixedVars) {
        this.seed = seed;
        this.fixedVars = fixedVars;
        this.mapper = mapper;
        this.source = source;
        this.problems = problems;
        this.translator = new JacksonProblems(source);
        this.questions = new QuestionReader(this, source, problems);
    }

    /** Where a model object came from (a JSON pointer), or null for objects this reader did not make. */
    String pointerOf(Object modelObject) {
        return pointers.get(modelObject);
    }

    /** The lab as far as it could be read (failed items left out), or null when not even its header could. */
    Lab read() {
        JsonNode root = source.tree();
        if (root == null) return null;
        if (root.isMissingNode() || root.isNull()) {
            problems.add(source.problem("", false, "the file is empty", "start with the keys id, title and steps"));
            return null;
        }
        if (!root.isObject()) {
            problems.add(source.problem("", false, "a lab is a mapping with the keys id, title, steps, ..., not "
                    + YamlSource.shapeOf(root), null));
            return null;
        }
        Raw.Lab raw = convert(root, "", Raw.Lab.class);
        requireKeys(root, "", "the lab", RequiredKeys.LAB);
        if (raw == null) return null;
        Map<String, String> vars = LabVars.draw(raw.vars(), seed, source, problems);
        fixedVars.forEach((name, value) -> vars.replace(name, value));
        boolean varsBroken = raw.vars() != null && vars.size() < raw.vars().size();
        List<Step> steps = readAll(raw.steps(), "/steps",
                (node, pointer) -> readStep(expandVars(node, pointer, vars, varsBroken), pointer));
        List<Question> quiz = readAll(raw.quiz(), "/quiz",
                (node, pointer) -> questions.read(expandVars(node, pointer, vars, varsBroken), pointer));
        Lab lab = new Lab(raw.id(), raw.title(), raw.summary(), raw.requires(), raw.sandbox(), steps, source.file(), vars,
                quiz);
        pointers.put(lab, "");
        return lab;
    }

    /**
     * {@code node} with {@code ${vars...}} replaced in every text; a placeholder that names an unknown var (or
     * cannot be computed) is reported at its place, unless a var failed to draw (it was reported already).
     */
    private JsonNode expandVars(JsonNode node, String pointer, Map<String, String> vars, boolean varsBroken) {
        if (node.isTextual()) {
            try {
                String expanded = LabVars.expand(node.asText(), vars);
                return expanded.equals(node.asText()) ? node : com.fasterxml.jackson.databind.node.TextNode.valueOf(expanded);
            } catch (IllegalArgumentException e) {
                if (!varsBroken) {
                    String suggestion = e.getCause() == null ? null : e.getCause().getMessage();
                    problems.add(source.problem(pointer, false, e.getMessage(), suggestion));
                }
                return node;
            }
        }
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                copy.set(e.getKey(), expandVars(e.getValue(), YamlSource.child(pointer, e.getKey()), vars, varsBroken));
            }
            return copy;
        }
        if (node.isArray()) {
            var copy = mapper.createArrayNode();
            for (int i = 0; i < node.size(); i++) copy.add(expandVars(node.get(i), YamlSource.child(pointer, i), vars, varsBroken));
            return copy;
        }
        return node;
    }

    private Step readStep(JsonNode node, String pointer) {
        if (!node.isObject()) {
            problems.add(source.problem(pointer, false, "a step is a mapping with the keys id, title, text, ..., not "
                    + YamlSource.shapeOf(node), null));
            return null;
        }
        Raw.Step raw = convert(node, pointer, Raw.Step.class);
        requireKeys(node, pointer, "a step", RequiredKeys.STEP);
        if (raw == null) return null;
        List<String> hints = new ArrayList<>();
        List<Step.ReasonHint> reasonHints = readHints(raw.hints(), pointer + "/hint", hints);
        Step step = new Step(raw.id(), raw.title(), raw.text(),
                readAll(raw.actions(), pointer + "/do", (n, p) -> readTyped(n, p, Action.class, Vocabulary.ACTIONS)),
                Lists.copy(raw.observe()), raw.task(), hints,
                readAll(raw.solution(), pointer + "/solution",
                        (n, p) -> readTyped(n, p, Action.class, Vocabulary.ACTIONS)),
                readAll(raw.checks(), pointer + "/check", (n, p) -> readTyped(n, p, Check.class, Vocabulary.CHECKS)),
                readAll(raw.quiz(), pointer + "/quiz", questions::read), reasonHints);
        pointers.put(step, pointer);
        return step;
    }

    /** Text hints go to {@code escalating}; {@code { when, text }} entries are returned. */
    private List<Step.ReasonHint> readHints(List<JsonNode> nodes, String pointer, List<String> escalating) {
        List<Step.ReasonHint> byReason = new ArrayList<>();
        if (nodes == null) return byReason;
        // One text written without a list arrives as a list of one.
        boolean single = source.at(pointer).isValueNode();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i) == null ? NullNode.getInstance() : nodes.get(i);
            String at = single ? pointer : YamlSource.child(pointer, i);
            if (node.isValueNode() && !node.isNull()) {
                escalating.add(node.asText());
            } else if (node.isObject()) {
                Raw.ReasonHint raw = convert(node, at, Raw.ReasonHint.class);
                requireKeys(node, at, "a hint chosen by a failure reason", RequiredKeys.REASON_HINT);
                if (raw != null && raw.when() != null && raw.text() != null) {
                    Step.ReasonHint hint = new Step.ReasonHint(raw.when(), raw.text());
                    byReason.add(hint);
                    pointers.put(hint, at);
                }
            } else {
                problems.add(source.problem(at, false, "a hint is text, or `{ when: <reason>, text: ... }`; found "
                        + YamlSource.shapeOf(node), null));
            }
        }
        return byReason;
    }

    /** An action or check: a mapping with exactly one key, its name. */
    private <T> T readTyped(JsonNode node, String pointer, Class<T> type, Vocabulary.TypeNames names) {
        String kind = names.kind();
        if (!node.isObject() || node.size() != 1) {
            String suggestion = node.isTextual() && names.names().contains(node.asText())
                    ? "write `" + Vocabulary.example(node.asText()) + "`"
                    : node.isObject() && node.size() > 1 ? "each " + kind + " is its own list item, starting with '- '"
                    : null;
            String found = node.isObject() && node.size() > 1
                    ? "keys " + String.join(", ", keysOf(node)) : YamlSource.shapeOf(node);
            problems.add(source.problem(pointer, false, "an " + kind + " is one key with its arguments, like `"
                    + Vocabulary.example(names.first()) + "`; found " + found, suggestion));
            return null;
        }
        String name = keysOf(node).getFirst();
        JsonNode value = node.get(name);
        if (value.isNull()) {
            if (!Vocabulary.NO_ARGUMENT.contains(name)) {
                boolean known = names.names().contains(name);
                problems.add(source.problem(YamlSource.child(pointer, name), true, known
                        ? kind + " '" + name + "' needs a value, like `" + Vocabulary.example(name) + "`"
                        : "unknown " + kind + " '" + name + "'", known ? null : Suggestions.didYouMean(name, names.names())));
                return null;
            }
            node = mapper.createObjectNode().set(name, mapper.createObjectNode());
        }
        try {
            T converted = reader(type, pointer).readValue(node);
            if (converted != null) pointers.put(converted, pointer);
            return converted;
        } catch (JsonMappingException e) {
            // Jackson's paths below a wrapper start inside it, after the action's name.
            problems.add(translator.translate(e, YamlSource.child(pointer, name)));
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("reading a tree cannot fail with I/O", e);
        }
    }

    /**
     * Maps a mapping to {@code type}. A key with a wrong type is reported, dropped and the rest converted again,
     * so that the other keys are still checked; returns null only when nothing could be made.
     */
    <T> T convert(JsonNode node, String pointer, Class<T> type) {
        JsonNode current = node;
        for (int attempt = 0; attempt < MAX_TYPE_ERRORS_PER_MAPPING; attempt++) {
            try {
                return reader(type, pointer).readValue(current);
            } catch (JsonMappingException e) {
                problems.add(translator.translate(e, pointer));
                String key = e.getPath().isEmpty() ? null : e.getPath().getFirst().getFieldName();
                if (key == null || !(current instanceof ObjectNode object) || !object.has(key)) return null;
                ObjectNode rest = object.deepCopy();
                rest.remove(key);
                current = rest;
            } catch (IOException e) {
                throw new IllegalStateException("reading a tree cannot fail with I/O", e);
            }
        }
        return null;
    }

    private ObjectReader reader(Class<?> type, String pointer) {
        return mapper.readerFor(type).withHandler(new UnknownKeyCollector(pointer, source, translator, problems));
    }

    /** Keys without which an object makes no sense; a key present with a wrong type was reported already. */
    void requireKeys(JsonNode node, String pointer, String where, List<String> keys) {
        for (String key : keys) {
            if (!node.has(key)) {
                problems.add(source.problem(pointer, false, "missing required key '" + key + "' in " + where, null));
            } else if (node.get(key).isNull()) {
                problems.add(source.problem(YamlSource.child(pointer, key), true, "'" + key + "' has no value", null));
            }
        }
    }

    void remember(Object modelObject, String pointer) {
        pointers.put(modelObject, pointer);
    }

    private static List<String> keysOf(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    private <T> List<T> readAll(List<JsonNode> nodes, String pointer, BiFunction<JsonNode, String, T> readOne) {
        List<T> items = new ArrayList<>();
        if (nodes == null) return items;
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i) == null ? NullNode.getInstance() : nodes.get(i);
            T item = readOne.apply(node, YamlSource.child(pointer, i));
            if (item != null) items.add(item);
        }
        return items;
    }
}
