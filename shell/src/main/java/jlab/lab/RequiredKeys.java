package jlab.lab;

import java.util.List;

/** Keys without which a mapping makes no sense: the reader reports them missing, the schema requires them. */
final class RequiredKeys {
    static final List<String> LAB = List.of("id", "title", "steps");
    static final List<String> STEP = List.of("id", "title");
    static final List<String> QUESTION = List.of("ask", "answer");
    static final List<String> REASON_HINT = List.of("when", "text");

    private RequiredKeys() {}
}
