package jlab.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * One ledger line per JSON object: {@code {"op":"owner",...}}, {@code {"op":"create","kind":"mount",...}},
 * {@code {"op":"release",...}}. Written by hand rather than by annotations so the file stays plain (paths
 * as strings, not URIs) and every resource kind is spelled out in one exhaustive switch.
 */
final class LedgerCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A decoded line. */
    sealed interface Line {
        record Owner(SessionOwner owner) implements Line {}
        record Create(Resource resource) implements Line {}
        record Release(Resource resource) implements Line {}
    }

    private LedgerCodec() {}

    static String encode(Line line) {
        ObjectNode node = JSON.createObjectNode();
        switch (line) {
            case Line.Owner(SessionOwner owner) -> {
                node.put("op", "owner");
                node.put("pid", owner.process().pid());
                node.put("startTime", owner.process().startTime());
                node.put("started", owner.started().toString());
                node.put("version", owner.version());
            }
            case Line.Create(Resource r) -> putResource(node.put("op", "create"), r);
            case Line.Release(Resource r) -> putResource(node.put("op", "release"), r);
        }
        return node.toString();
    }

    private static void putResource(ObjectNode node, Resource resource) {
        switch (resource) {
            case Resource.Directory(Path path) -> node.put("kind", "directory").put("path", path.toString());
            case Resource.Mount(Path target, boolean host) ->
                    node.put("kind", "mount").put("target", target.toString()).put("hostNamespace", host);
            case Resource.Process(int pid, long startTime) ->
                    node.put("kind", "process").put("pid", pid).put("startTime", startTime);
            case Resource.NetNamespace(Path bindMount) -> node.put("kind", "netns").put("bindMount", bindMount.toString());
            case Resource.Cgroup(Path dir) -> node.put("kind", "cgroup").put("dir", dir.toString());
        }
    }

    /** Decodes one line; throws {@link IllegalArgumentException} saying what is wrong with it. */
    static Line decode(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) throw new IllegalArgumentException("not a JSON object");
        return switch (text(node, "op")) {
            case "owner" -> new Line.Owner(new SessionOwner(
                    new ProcessIdentity(integer(node, "pid"), number(node, "startTime")),
                    instant(node, "started"), text(node, "version")));
            case "create" -> new Line.Create(resource(node));
            case "release" -> new Line.Release(resource(node));
            default -> throw new IllegalArgumentException("unknown op '" + text(node, "op") + "'");
        };
    }

    private static Resource resource(JsonNode node) {
        return switch (text(node, "kind")) {
            case "directory" -> new Resource.Directory(path(node, "path"));
            case "mount" -> new Resource.Mount(path(node, "target"), bool(node, "hostNamespace"));
            case "process" -> new Resource.Process(integer(node, "pid"), number(node, "startTime"));
            case "netns" -> new Resource.NetNamespace(path(node, "bindMount"));
            case "cgroup" -> new Resource.Cgroup(path(node, "dir"));
            default -> throw new IllegalArgumentException("unknown resource kind '" + text(node, "kind") + "'");
        };
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) throw new IllegalArgumentException("missing \"" + name + "\"");
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isTextual()) throw new IllegalArgumentException("\"" + name + "\" is not a string");
        return v.asText();
    }

    private static Instant instant(JsonNode node, String name) {
        try {
            return Instant.parse(text(node, name));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("\"" + name + "\" is not an ISO instant");
        }
    }

    private static Path path(JsonNode node, String name) {
        return Path.of(text(node, name));
    }

    private static long number(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isIntegralNumber()) throw new IllegalArgumentException("\"" + name + "\" is not an integer");
        return v.asLong();
    }

    private static int integer(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.canConvertToInt()) throw new IllegalArgumentException("\"" + name + "\" is not an int");
        return v.asInt();
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isBoolean()) throw new IllegalArgumentException("\"" + name + "\" is not true or false");
        return v.asBoolean();
    }
}
