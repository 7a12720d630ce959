package jlab.lab;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The YAML shapes Jackson maps first. Lists of actions, checks, steps and questions stay trees here so that
 * each item is converted on its own: one bad action is reported without hiding the mistakes in the others.
 */
interface Raw {

    record Lab(String id, String title, String summary, Requires requires, SandboxSpec sandbox,
               java.util.Map<String, Var> vars, List<JsonNode> steps, List<JsonNode> quiz) {}

    /** A hint chosen by a check's failure reason. */
    record ReasonHint(String when, String text) {}

    /** A per-session parameter: exactly one generator ({@link LabVars}). */
    record Var(List<String> pick, List<Long> range, Long step, Integer hex) {}

    record Step(String id, String title, String text,
                @JsonProperty("do") List<JsonNode> actions,
                List<String> observe, String task,
                @JsonProperty("hint") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                List<JsonNode> hints,
                List<JsonNode> solution,
                @JsonProperty("check") List<JsonNode> checks,
                List<JsonNode> quiz) {}

    /** The question kind is decided later from the shape of {@code answer}. */
    record Question(String ask, List<String> choices, JsonNode answer, String explain, Integer attempts,
                    @JsonProperty("hint") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                    List<String> hints) {}

    /**
     * An answer written as a mapping: exactly one of number, pattern, live, measure (or order, with choices);
     * {@code example} to pattern (a right answer, shown after the last attempt and typed by lint); {@code seconds}
     * and {@code expect} belong to measure, {@code tolerance} and {@code unit} to number and measure ({@code tolerance} also to a live counter).
     */
    record Answer(Double number, Double tolerance, String unit, String pattern, String example, String live,
                  List<String> order, String measure, Double seconds, Double expect) {}
}
