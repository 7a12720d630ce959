package jlab.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a check fails, in one word an author can name in {@code hint: [ { when: <reason>, text: ... } ]}. The
 * engine's evaluators state these; every check can also fail with {@link #FAILED} (no finer reason) or
 * {@link #ERROR} (the state could not be read).
 */
public final class FailureReasons {
    public static final String FAILED = "failed";
    public static final String ERROR = "error";

    public static final String WRONG_NAME = "wrong-name";
    public static final String CHANGED = "changed";
    public static final String UNCHANGED = "unchanged";
    public static final String SHARED = "shared";
    public static final String SEPARATE = "separate";
    public static final String NOT_RUNNING = "not-running";
    public static final String RUNNING = "running";
    public static final String NOT_MOUNTED = "not-mounted";
    public static final String EXIT = "exit";
    public static final String OUTPUT = "output";
    public static final String MISSING = "missing";
    public static final String EXISTS = "exists";
    public static final String NO_MATCH = "no-match";
    public static final String DOWN = "down";
    public static final String UP = "up";
    public static final String WRONG_MASTER = "wrong-master";
    public static final String NO_ADDRESS = "no-address";
    public static final String WRONG_ADDRESS = "wrong-address";
    public static final String EXTRA_ADDRESS = "extra-address";
    public static final String NO_ROUTE = "no-route";
    public static final String WRONG_ROUTE = "wrong-route";
    public static final String NO_ANSWER = "no-answer";

    /** The finer reasons each check kind states, by its YAML key. */
    private static final Map<String, List<String>> BY_CHECK = new LinkedHashMap<>();

    static {
        BY_CHECK.put("hostname", List.of(WRONG_NAME, CHANGED, UNCHANGED));
        BY_CHECK.put("namespace", List.of(SHARED, SEPARATE));
        BY_CHECK.put("init", List.of(NOT_RUNNING, RUNNING));
        BY_CHECK.put("mounted", List.of(NOT_MOUNTED));
        BY_CHECK.put("command", List.of(EXIT, OUTPUT));
        BY_CHECK.put("file", List.of(MISSING, EXISTS, NO_MATCH));
        BY_CHECK.put("link", List.of(MISSING, EXISTS, DOWN, UP, WRONG_MASTER));
        BY_CHECK.put("address", List.of(MISSING, NO_ADDRESS, WRONG_ADDRESS, EXTRA_ADDRESS));
        BY_CHECK.put("route", List.of(NO_ROUTE, WRONG_ROUTE));
        BY_CHECK.put("ping", List.of(NO_ANSWER));
    }

    private FailureReasons() {}

    /** The reasons a check of kind {@code keyword} can fail with, the generic ones last. */
    public static List<String> of(String keyword) {
        List<String> all = new ArrayList<>(BY_CHECK.getOrDefault(keyword, List.of()));
        all.add(FAILED);
        all.add(ERROR);
        return all;
    }

    /** Check kinds with finer reasons than failed/error (for AUTHORING.md's table and its test). */
    public static Map<String, List<String>> byCheck() {
        return java.util.Collections.unmodifiableMap(BY_CHECK);
    }
}
