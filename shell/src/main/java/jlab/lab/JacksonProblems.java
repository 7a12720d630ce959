package jlab.lab;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import jlab.kernel.Namespace;

/**
 * Turns Jackson's mapping exceptions into problems an author can act on. Jackson's own messages name Java
 * classes, so none of them is shown: the message is rebuilt from the exception's kind, path and values.
 */
final class JacksonProblems {
    /** What the actions written as a single scalar take, in an author's words (list forms report as lists). */
    private static final Map<Class<?>, String> SHORT_FORMS = Map.of(
            Action.SetHostname.class, "a hostname",
            Action.MakePrivate.class, "a path");

    private final YamlSource source;

    JacksonProblems(YamlSource source) {
        this.source = source;
    }

    /** {@code base}: the pointer of the node whose conversion failed; paths in {@code e} are relative to it. */
    LabProblem translate(JsonMappingException e, String base) {
        String pointer = pointer(base, e.getPath());
        JsonNode got = source.at(pointer);
        List<String> segments = segments(pointer);
        String subject = subject(segments);
        return switch (e) {
            case InvalidTypeIdException t -> unknownType(t, base);
            case UnrecognizedPropertyException u -> unknownKey(pointer, u.getPropertyName(),
                    u.getKnownPropertyIds(), Vocabulary.noun(u.getReferringClass()));
            case InvalidFormatException f when f.getTargetType() != null && f.getTargetType().isEnum() ->
                    unknownEnumValue(pointer, f.getTargetType(), String.valueOf(f.getValue()));
            case MismatchedInputException m -> source.problem(pointer, false,
                    subject + " should be " + expected(m.getTargetType()) + ", not " + YamlSource.shapeOf(got),
                    advice(m.getTargetType(), got, segments));
            // Only the model's own IllegalArgumentExceptions speak to authors; anything else is a generic message.
            case ValueInstantiationException v when v.getCause() instanceof IllegalArgumentException cause ->
                    source.problem(pointer, false, cause.getMessage(), null);
            default -> source.problem(pointer, false, "invalid value for " + subject, null);
        };
    }

    /** An unknown key in a mapping, with the nearest known key. */
    LabProblem unknownKey(String pointer, String key, Collection<Object> known, String where) {
        List<String> names = known.stream().map(String::valueOf).sorted().toList();
        String suggestion = names.isEmpty() ? "write it as {}" : Suggestions.didYouMean(key, names);
        return source.problem(pointer, true, "unknown key '" + key + "' in " + where, suggestion);
    }

    LabProblem unknownEnumValue(String pointer, Class<?> enumType, String value) {
        String suggestion = enumType == Namespace.class
                ? Namespace.parse(value).map(ns -> "did you mean '" + Vocabulary.namespaceName(ns) + "'?").orElse(null)
                : null;
        if (suggestion == null) suggestion = Suggestions.didYouMean(value, Vocabulary.enumNames(enumType));
        return source.problem(pointer, false, "unknown " + Vocabulary.enumNoun(enumType) + " '" + value + "'",
                suggestion);
    }

    private LabProblem unknownType(InvalidTypeIdException e, String base) {
        Vocabulary.TypeNames names = e.getBaseType() != null && e.getBaseType().getRawClass() == Check.class
                ? Vocabulary.CHECKS : Vocabulary.ACTIONS;
        String id = e.getTypeId();
        if (id == null) return source.problem(base, false, "expected an " + names.kind() + " name", null);
        // base already ends with the unknown key: the wrapper's one key is the type id.
        return source.problem(base, true, "unknown " + names.kind() + " '" + id + "'",
                Suggestions.didYouMean(id, names.names()));
    }

    private static String expected(Class<?> type) {
        if (type == null) return "something else";
        if (SHORT_FORMS.containsKey(type)) return SHORT_FORMS.get(type);
        if (Collection.class.isAssignableFrom(type) || type.isArray()) return "a list";
        if (type == String.class) return "text";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (type.isEnum()) return "one of " + String.join(", ", Vocabulary.enumNames(type));
        String action = Vocabulary.ACTIONS.nameOf(type);
        String check = Vocabulary.CHECKS.nameOf(type);
        if (action != null || check != null) {
            return "a mapping, like `" + Vocabulary.example(action != null ? action : check) + "`";
        }
        return "a mapping (key: value lines)";
    }

    private static String advice(Class<?> type, JsonNode got, List<String> segments) {
        boolean wantsList = type != null && Collection.class.isAssignableFrom(type);
        if (wantsList && got.isValueNode() && !got.isNull()) {
            String key = lastKey(segments);
            return "write " + (key == null ? "" : key + ": ") + "[" + got.asText() + "]";
        }
        if (wantsList && got.isObject()) return "start each item of a list on its own line with '- '";
        if (type == String.class && got.isContainerNode()) return "put it in quotes if it is meant as text";
        return null;
    }

    /** "'observe'", "item 2 of 'argv'", or "the value", from the segments of an absolute pointer. */
    private static String subject(List<String> segments) {
        if (segments.isEmpty()) return "the value";
        String last = segments.getLast();
        if (!isIndex(last)) return "'" + last + "'";
        String owner = lastKey(segments);
        return "item " + (Integer.parseInt(last) + 1) + (owner == null ? "" : " of '" + owner + "'");
    }

    private static String lastKey(List<String> segments) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (!isIndex(segments.get(i))) return segments.get(i);
        }
        return null;
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
    }

    private static List<String> segments(String pointer) {
        if (pointer.isEmpty()) return List.of();
        return Arrays.stream(pointer.substring(1).split("/", -1))
                .map(s -> s.replace("~1", "/").replace("~0", "~")).toList();
    }

    private static String pointer(String base, List<JsonMappingException.Reference> path) {
        String pointer = base;
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) pointer = YamlSource.child(pointer, ref.getFieldName());
            else if (ref.getIndex() >= 0) pointer = YamlSource.child(pointer, ref.getIndex());
        }
        return pointer;
    }
}
