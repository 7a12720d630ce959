package jlab.inspect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The closed set of inspectors, looked up by name or alias (case-insensitive). */
public final class Inspectors {

    private static final List<Inspector<?>> ALL = List.of(new NamespacesInspector(), new PidsInspector(),
            new MountsInspector(), new UtsInspector(), new NetInspector(),
            new OverlayInspector(), new CgroupInspector());

    private Inspectors() {
    }

    public static List<Inspector<?>> all() {
        return ALL;
    }

    public static Optional<Inspector<?>> byName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream()
                .filter(i -> Stream.concat(Stream.of(i.name()), i.aliases().stream()).anyMatch(n::equals))
                .findFirst();
    }

    /** Primary names, in display order. */
    public static List<String> names() {
        return ALL.stream().map(Inspector::name).toList();
    }
}
