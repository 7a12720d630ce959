package jlab.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Reports each unknown key and lets Jackson go on, so that one conversion finds every unknown key instead of
 * stopping at the first (FAIL_ON_UNKNOWN_PROPERTIES only applies when no handler takes the key).
 */
final class UnknownKeyCollector extends DeserializationProblemHandler {
    private final String base;
    private final YamlSource source;
    private final JacksonProblems translator;
    private final Problems problems;

    /** @param base the pointer of the node being converted; the parser's paths are relative to it */
    UnknownKeyCollector(String base, YamlSource source, JacksonProblems translator, Problems problems) {
        this.base = base;
        this.source = source;
        this.translator = translator;
        this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        problems.add(translator.unknownKey(keyPointer(p.getParsingContext(), propertyName), propertyName,
                deserializer.getKnownPropertyNames(), Vocabulary.noun(deserializer.handledType())));
        p.skipChildren();
        return true;
    }

    /**
     * The pointer of the unknown key {@code key}. The parser's path is followed only as far as it exists in the
     * document: a record's unknown keys met before all its fields are buffered by Jackson and replayed from a
     * buffer whose contexts add levels the document does not have (a key whose value is a list or mapping was
     * then placed at its mapping's own key).
     */
    private String keyPointer(JsonStreamContext context, String key) {
        List<JsonStreamContext> path = new ArrayList<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            if (c.hasPathSegment()) path.addFirst(c);
        }
        JsonNode node = source.at(base);
        String pointer = base;
        String parent = null;
        String last = null;
        for (JsonStreamContext level : path) {
            JsonNode child = level.inObject() ? node.get(level.getCurrentName()) : node.get(level.getCurrentIndex());
            if (child == null) break;
            parent = pointer;
            last = level.inObject() ? level.getCurrentName() : null;
            pointer = last != null ? YamlSource.child(pointer, last) : YamlSource.child(pointer, level.getCurrentIndex());
            node = child;
        }
        // At the key's value the path ends with the key; at a buffered container it ends at the mapping.
        return YamlSource.child(key.equals(last) ? parent : pointer, key);
    }
}
