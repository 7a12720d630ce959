package jlab.lab;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jlab.kernel.Namespace;

/**
 * The JSON Schema (draft-07) of a lab file, generated from the model by reflection: the {@link Raw} shapes, every
 * action and check named in {@link Vocabulary} with the keys its Jackson creator reads, enums, live values and
 * the default inspectors. A new action or check appears in the schema without touching this class. Editors use
 * the shipped copy ({@link #SHIPPED}); {@code jlab validate} stays the stricter judge (order rules, files).
 */
public final class LabSchema {
    /** Where the shipped copy lives in the source tree, relative to the jlab home; labs point at it. */
    public static final String SHIPPED = "shell/src/main/resources/lab.schema.json";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String DEFS = "#/definitions/";
    private static final String VARS_TEXT = "vars-text";

    /** {@code List<JsonNode>} fields of the raw shapes whose items are converted later: what each item is. */
    private static final Map<String, String> ITEMS = Map.of(
            "Lab.steps", "step", "Step.do", "action", "Step.solution", "action", "Step.check", "check",
            "Step.quiz", "question", "Step.hint", "hint", "Lab.quiz", "question");

    private final ObjectNode definitions = JSON.objectNode();
    /**
     * Whether the keys being described are in a step, where the loader replaces {@code ${vars...}} in every text
     * before it reads the step: there a number, true/false or one of a closed set may be written as such text.
     */
    private boolean varsReplaced = true;

    private LabSchema() {}

    /** The schema as pretty-printed JSON text with a final newline, stable from run to run. */
    public static String generate() {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return new ObjectMapper().writer(printer).writeValueAsString(new LabSchema().build()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    private ObjectNode build() {
        ObjectNode root = JSON.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.put("title", "jlab lab");
        root.put("description", "A jlab lab file (labs/<id>.yaml). Generated from the Java model by "
                + "jlab.lab.LabSchema: do not edit, run `./jlab schema --write`. See AUTHORING.md.");
        ObjectNode step = record(Raw.Step.class, "Step", RequiredKeys.STEP);
        step.withObject("properties").withObject("observe")
                .set("items", orVars(enumOf(LabLoader.DEFAULT_INSPECTORS.stream().sorted().toList())));
        ObjectNode varsText = JSON.objectNode();
        varsText.put("description", "Text with ${vars.name} (or arithmetic over vars, ${vars.quota / 1000}): in a "
                + "step the lab's vars are put in before the step is read, so it stands for any value.");
        varsText.put("type", "string").put("pattern", "\\$\\{[^}]*vars\\.");
        definitions.set(VARS_TEXT, varsText);
        definitions.set("step", step);
        definitions.set("action", oneKeyMapping(Vocabulary.ACTIONS, "An action: one key, its name, with its "
                + "arguments, like `" + Vocabulary.example(Vocabulary.ACTIONS.first()) + "`."));
        definitions.set("check", oneKeyMapping(Vocabulary.CHECKS, "A check on live kernel state: one key, its "
                + "name, like `" + Vocabulary.example(Vocabulary.CHECKS.first()) + "`."));
        definitions.set("question", question());
        ObjectNode hint = JSON.objectNode();
        hint.put("description", "Text (hints escalate in order), or { when: <failure reason>, text } shown first "
                + "when a check of the step fails for that reason.");
        hint.putArray("anyOf").add(JSON.objectNode().put("type", "string"))
                .add(record(Raw.ReasonHint.class, "ReasonHint", RequiredKeys.REASON_HINT));
        definitions.set("hint", hint);
        definitions.set("answer", answer());
        // The header (requires, sandbox, vars) is read as written; only steps get the vars.
        varsReplaced = false;
        root.setAll(record(Raw.Lab.class, "Lab", RequiredKeys.LAB));
        varsReplaced = true;
        ObjectNode include = object("Shared steps: `include: fragments/<name>.yaml`, a list of steps in a file "
                + "under the lab's directory.");
        include.putObject("properties").putObject(StepIncludes.KEY).put("type", "string");
        include.set("required", strings(StepIncludes.KEY));
        include.put("additionalProperties", false);
        definitions.set("include", include);
        ObjectNode stepOrInclude = JSON.objectNode();
        stepOrInclude.putArray("anyOf").add(ref("step")).add(ref("include"));
        root.withObject("properties").withObject("steps").set("items", stepOrInclude);
        root.set("definitions", definitions);
        return root;
    }

    /** One of the named subtypes, written as a mapping with exactly that one key. */
    private ObjectNode oneKeyMapping(Vocabulary.TypeNames names, String description) {
        ObjectNode node = object(description);
        node.put("minProperties", 1);
        node.put("maxProperties", 1);
        ObjectNode properties = node.putObject("properties");
        names.byType().forEach((type, name) -> {
            ObjectNode value = valueOf(type);
            if (Vocabulary.NO_ARGUMENT.contains(name)) value.set("type", strings("object", "null"));
            value.put("description", "e.g. `" + Vocabulary.example(name) + "`");
            properties.set(name, value);
        });
        node.put("additionalProperties", false);
        return node;
    }

    private ObjectNode question() {
        ObjectNode node = record(Raw.Question.class, "Question", RequiredKeys.QUESTION);
        node.withObject("properties").withObject("attempts").put("minimum", 1);
        return node;
    }

    /** A choice, a list of them or { order } when the question has choices, else a mapping with number, pattern or live. */
    private ObjectNode answer() {
        ObjectNode mapping = record(Raw.Answer.class, "Answer", List.of());
        ArrayNode exactlyOne = mapping.putArray("oneOf");
        for (String key : List.of("number", "pattern", "live", "order", "measure")) {
            exactlyOne.addObject().set("required", strings(key));
        }
        mapping.withObject("properties").set("live", enumOf(liveNames()));
        mapping.withObject("properties").set("measure", enumOf(LiveKey.names().stream()
                .filter(n -> LiveKey.parse(n).orElseThrow().kind().counter()).toList()));
        // A number may be computed from the session's vars: "${vars.quota / 1000}".
        ObjectNode number = JSON.objectNode();
        number.putArray("anyOf").add(JSON.objectNode().put("type", "number"))
                .add(JSON.objectNode().put("type", "string").put("pattern", "\\$\\{[^}]*vars\\."));
        mapping.withObject("properties").set("number", number);
        ObjectNode node = JSON.objectNode();
        node.put("description", "With choices: the right choice, a list of them, or { order: [...] } (every "
                + "choice once, in the right order). Without: a mapping with exactly one of number (with tolerance, "
                + "unit), pattern, live (a counter with tolerance) or measure (a prediction, with seconds, expect, tolerance, unit).");
        ArrayNode anyOf = node.putArray("anyOf");
        anyOf.addObject().set("type", strings("string", "number", "boolean"));
        anyOf.addObject().put("type", "array").putObject("items").set("type", strings("string", "number", "boolean"));
        anyOf.add(mapping);
        return node;
    }

    /** The schema of a record as its Jackson creator reads it: a delegated value, or a closed mapping of keys. */
    private ObjectNode valueOf(Class<?> type) {
        Executable creator = creator(type);
        if (creator != null && creator.getAnnotation(JsonCreator.class).mode() == JsonCreator.Mode.DELEGATING) {
            return schemaOf(creator.getParameters()[0].getParameterizedType(), type.getSimpleName());
        }
        return record(type, type.getSimpleName(), List.of());
    }

    private ObjectNode record(Class<?> type, String owner, List<String> required) {
        ObjectNode node = object(null);
        ObjectNode properties = node.putObject("properties");
        for (Key key : keys(type)) {
            ObjectNode schema = schemaOf(key.type(), owner + "." + key.name());
            if (key.singleValueAsArray()) {
                ObjectNode either = JSON.objectNode();
                String itemRef = ITEMS.get(owner + "." + key.name());
                either.putArray("anyOf").add(itemRef != null ? ref(itemRef)
                                : schemaOf(((ParameterizedType) key.type()).getActualTypeArguments()[0], owner))
                        .add(schema);
                schema = either;
            }
            properties.set(key.name(), schema);
        }
        if (!required.isEmpty()) node.set("required", strings(required.toArray(String[]::new)));
        node.put("additionalProperties", false);
        return node;
    }

    private ObjectNode schemaOf(Type type, String where) {
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            String itemRef = ITEMS.get(where);
            ObjectNode array = JSON.objectNode().put("type", "array");
            array.set("items", itemRef != null ? ref(itemRef) : schemaOf(p.getActualTypeArguments()[0], where));
            if (Set.class.isAssignableFrom(raw)) array.put("uniqueItems", true);
            return array;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            ObjectNode map = JSON.objectNode().put("type", "object");
            map.set("additionalProperties", schemaOf(p.getActualTypeArguments()[1], where));
            return map;
        }
        Class<?> c = (Class<?>) (type instanceof ParameterizedType p ? p.getRawType() : type);
        if (c == String.class) return JSON.objectNode().put("type", "string");
        if (c == Boolean.class || c == boolean.class) return orVars(JSON.objectNode().put("type", "boolean"));
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return orVars(JSON.objectNode().put("type", "integer"));
        }
        if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
            return orVars(JSON.objectNode().put("type", "number"));
        }
        if (c.isEnum()) return orVars(enumOf(Vocabulary.enumNames(c)));
        if (c == JsonNode.class) return "Question.answer".equals(where) ? ref("answer") : JSON.objectNode();
        if (c.isRecord()) {
            String name = c.getSimpleName().toLowerCase(Locale.ROOT);
            if (!definitions.has(name)) {
                definitions.putObject(name);
                definitions.set(name, valueOf(c));
            }
            return ref(name);
        }
        throw new IllegalStateException("no schema for " + type + " in " + where + ": teach LabSchema this type");
    }

    /** {@code schema}, or in a step also text with a {@code ${vars...}} placeholder that is replaced before reading. */
    private ObjectNode orVars(ObjectNode schema) {
        if (!varsReplaced) return schema;
        ObjectNode either = JSON.objectNode();
        either.putArray("anyOf").add(schema).add(ref(VARS_TEXT));
        return either;
    }

    /** A key of a mapping: its YAML name, its Java type, whether one value may stand for a list. */
    private record Key(String name, Type type, boolean singleValueAsArray) {}

    private static List<Key> keys(Class<?> type) {
        Executable creator = creator(type);
        List<Key> keys = new ArrayList<>();
        if (creator != null && creator.getParameterCount() > 0) {
            for (Parameter p : creator.getParameters()) {
                JsonProperty property = p.getAnnotation(JsonProperty.class);
                if (property == null) throw new IllegalStateException(type + ": creator parameters need @JsonProperty");
                keys.add(new Key(property.value(), p.getParameterizedType(), false));
            }
            return keys;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            JsonProperty property = accessor.getAnnotation(JsonProperty.class);
            String name = property == null || property.value().isEmpty() ? component.getName() : property.value();
            JsonFormat format = accessor.getAnnotation(JsonFormat.class);
            boolean single = format != null
                    && Arrays.asList(format.with()).contains(JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
            keys.add(new Key(name, component.getGenericType(), single));
        }
        return keys;
    }

    /** The constructor or static factory Jackson uses, when one is annotated (and not disabled). */
    private static Executable creator(Class<?> type) {
        return Stream.concat(Arrays.stream(type.getDeclaredConstructors()),
                        Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isStatic(m.getModifiers())))
                .filter(e -> e.isAnnotationPresent(JsonCreator.class)
                        && e.getAnnotation(JsonCreator.class).mode() != JsonCreator.Mode.DISABLED)
                .findFirst().orElse(null);
    }

    /** Live values in their canonical spelling and with /proc's namespace names ({@code ns.mnt.inode}). */
    private static List<String> liveNames() {
        Set<String> names = new LinkedHashSet<>(LiveKey.names());
        for (String name : LiveKey.names()) {
            for (Namespace ns : Namespace.values()) {
                String canonical = "." + Vocabulary.namespaceName(ns) + ".";
                if (name.contains(canonical)) names.add(name.replace(canonical, "." + ns.procName() + "."));
            }
        }
        return List.copyOf(names);
    }

    private static ObjectNode object(String description) {
        ObjectNode node = JSON.objectNode();
        if (description != null) node.put("description", description);
        node.put("type", "object");
        return node;
    }

    private static ObjectNode enumOf(List<String> values) {
        ObjectNode node = JSON.objectNode();
        node.set("enum", strings(values.toArray(String[]::new)));
        return node;
    }

    private static ObjectNode ref(String definition) {
        return JSON.objectNode().put("$ref", DEFS + definition);
    }

    private static ArrayNode strings(String... values) {
        ArrayNode array = JSON.arrayNode();
        for (String v : values) array.add(v);
        return array;
    }
}
