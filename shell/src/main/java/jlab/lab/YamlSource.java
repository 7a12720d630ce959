package jlab.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One YAML file as a tree plus where each node came from: the line and column of every key and value, by JSON
 * pointer ({@code /steps/0/do/1}). Trees lose locations, so a first pass over the tokens records them; problems
 * found later, by Jackson or by validation, are placed through the pointer.
 */
final class YamlSource {
    /**
     * Where a node starts; {@code from} is the file it was written in when that is not this one (a step
     * fragment spliced in by {@link #spliceSteps}), else null.
     */
    record Position(int line, int column, YamlSource from) {
        Position(int line, int column) {
            this(line, column, null);
        }
    }

    /** A node of some file to put into this file's steps list. */
    record Spliced(YamlSource from, String pointer) {}

    private static final Position START = new Position(1, 1);

    private final Path file;
    private final List<String> lines;
    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();
    private JsonNode tree;
    private boolean spliced;

    private YamlSource(Path file, String text) {
        this.file = file;
        this.lines = text.lines().toList();
    }

    /** Parses {@code text}; syntax errors and duplicate keys go to {@code problems}, and leave {@link #tree()} null. */
    static YamlSource parse(Path file, String text, ObjectMapper mapper, Problems problems) {
        YamlSource source = new YamlSource(file, text);
        try (JsonParser parser = mapper.createParser(text)) {
            source.index(parser, problems);
            // With duplicate keys the last one wins in the tree, so the rest of the file is still checked.
            source.tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(source.syntaxProblem(e));
        } catch (IOException e) {
            problems.add(new LabProblem(file, 0, 0, "cannot read: " + e.getMessage(), null, null));
        }
        return source;
    }

    private void index(JsonParser parser, Problems problems) throws IOException {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) continue;
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            JsonLocation at = parser.currentTokenLocation();
            Position position = new Position(at.getLineNr(), at.getColumnNr());
            if (token == JsonToken.FIELD_NAME) {
                Position first = keys.putIfAbsent(pointer, position);
                if (first != null) {
                    problems.add(problem(position, "duplicate key '" + parser.currentName() + "'",
                            "first written at line " + first.line()));
                }
            } else {
                values.putIfAbsent(pointer, position);
            }
        }
    }

    private LabProblem syntaxProblem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String problem = yaml.getProblem() == null ? "invalid YAML" : yaml.getProblem();
            Mark context = yaml.getContextMark();
            if (problem.contains("(TAB)")) {
                return problem(position(mark), "YAML syntax error: a tab cannot indent YAML", "indent with spaces");
            }
            if (problem.contains("expected <block end>")) {
                problem = "this line's indentation does not fit the lines above";
            }
            if (yaml.getContext() != null && context != null && context.getLine() != mark.getLine()) {
                problem += " (" + yaml.getContext() + " at line " + (context.getLine() + 1) + ")";
            }
            // Past the last line (an unclosed quote or bracket) the place where it began is the useful one.
            Mark at = mark.getLine() >= lines.size() && context != null ? context : mark;
            return problem(position(at), "YAML syntax error: " + problem, syntaxAdvice(problem));
        }
        JsonLocation at = e.getLocation();
        Position position = at == null ? START : new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
        return problem(position, "YAML syntax error: " + e.getOriginalMessage(), null);
    }

    private static Position position(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String syntaxAdvice(String problem) {
        if (problem.contains("mapping values are not allowed")) return "put a value that contains ': ' in quotes";
        if (problem.contains("quoted scalar")) return "a quote is not closed";
        if (problem.contains("flow sequence") || problem.contains("flow mapping")) return "a bracket is not closed";
        if (problem.contains("expected ':'")) return "is a ':' missing after a key, or a quote left open?";
        if (problem.contains("indentation")) {
            return "items of one list or mapping start in the same column";
        }
        return null;
    }

    /** The source text of the scalar at {@code pointer}, as written (the tree has 5.10 as the number 5.1). */
    String scalarText(String pointer) {
        Position at = positionOf(pointer, false);
        List<String> lines = at.from() == null ? this.lines : at.from().lines;
        if (at.line() > lines.size()) return "";
        String line = lines.get(at.line() - 1);
        int start = Math.min(at.column() - 1, line.length());
        int end = start;
        while (end < line.length() && ",}] #".indexOf(line.charAt(end)) < 0) end++;
        return line.substring(start, end);
    }

    /** Whether steps were spliced in from fragments (an empty list then says nothing about the file). */
    boolean spliced() {
        return spliced;
    }

    Path file() {
        return file;
    }

    /** The document, or null when it could not be parsed. */
    JsonNode tree() {
        return tree;
    }

    /** The node at an absolute pointer (a missing node when there is none). */
    JsonNode at(String pointer) {
        return tree == null ? MissingNode.getInstance() : tree.at(pointer);
    }

    /**
     * A problem placed at the node {@code pointer} names: at its key ({@code atKey}) or its value, else at the
     * nearest enclosing node that has a place.
     */
    LabProblem problem(String pointer, boolean atKey, String message, String suggestion) {
        return problem(positionOf(pointer, atKey), message, suggestion);
    }

    /** Where the node {@code pointer} names starts (its key when {@code atKey}). */
    Position positionOf(String pointer, boolean atKey) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Position found = atKey ? keys.getOrDefault(p, values.get(p)) : values.getOrDefault(p, keys.get(p));
            if (found != null) return found;
            if (p.isEmpty()) return START;
        }
    }

    private LabProblem problem(Position at, String message, String suggestion) {
        YamlSource in = at.from() == null ? this : at.from();
        String excerpt = at.line() <= in.lines.size() ? in.lines.get(at.line() - 1) : null;
        return new LabProblem(in.file, at.line(), at.column(), message, excerpt, suggestion);
    }

    /**
     * Makes {@code /steps} the given nodes, in order, each with the places of the file it came from, so that
     * a problem in a spliced step names that file and its line.
     */
    void spliceSteps(List<Spliced> items) {
        spliced = true;
        Map<String, Position> newKeys = new HashMap<>();
        Map<String, Position> newValues = new HashMap<>();
        keep(keys, newKeys);
        keep(values, newValues);
        var steps = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int k = 0; k < items.size(); k++) {
            Spliced item = items.get(k);
            String target = "/steps/" + k;
            move(item, item.from().keys, target, newKeys);
            move(item, item.from().values, target, newValues);
            steps.add(item.from().at(item.pointer()));
        }
        keys.clear();
        keys.putAll(newKeys);
        values.clear();
        values.putAll(newValues);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).set("steps", steps);
    }

    private static void keep(Map<String, Position> from, Map<String, Position> to) {
        from.forEach((pointer, position) -> {
            if (!pointer.startsWith("/steps/")) to.put(pointer, position);
        });
    }

    private void move(Spliced item, Map<String, Position> from, String target, Map<String, Position> to) {
        YamlSource origin = item.from() == this ? null : item.from();
        from.forEach((pointer, position) -> {
            if (pointer.equals(item.pointer()) || pointer.startsWith(item.pointer() + "/")) {
                Position placed = origin == null || position.from() != null ? position
                        : new Position(position.line(), position.column(), origin);
                to.put(target + pointer.substring(item.pointer().length()), placed);
            }
        });
    }

    /** How a node reads to an author: "a list", "the text 'uts'", ... */
    static String shapeOf(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return "nothing";
        if (node.isArray()) return "a list";
        if (node.isObject()) return "a mapping";
        if (node.isBoolean()) return node.asText();
        if (node.isNumber()) return "the number " + node.asText();
        return "the text '" + node.asText() + "'";
    }

    /** Appends a key to a pointer, escaping as RFC 6901 says. */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
