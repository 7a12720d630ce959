package jlab.lab;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Reports each unknown key and lets Jackson go on, so that one conversion finds every unknown key instead of
 * stopping at the first (FAIL_ON_UNKNOWN_PROPERTIES only applies when no handler takes the key).
 */
final class UnknownKeyCollector extends DeserializationProblemHandler {
    private final String base;
    private final JacksonProblems translator;
    private final Problems problems;

    UnknownKeyCollector(String base, JacksonProblems translator, Problems problems) {
        this.base = base;
        this.translator = translator;
        this.problems = problems;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        // The parser walks the tree being converted, so its path is relative to base and ends with the key.
        String pointer = base + p.getParsingContext().pathAsPointer();
        problems.add(translator.unknownKey(pointer, propertyName, deserializer.getKnownPropertyNames(),
                Vocabulary.noun(deserializer.handledType())));
        p.skipChildren();
        return true;
    }
}
