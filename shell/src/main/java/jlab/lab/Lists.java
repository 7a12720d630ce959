package jlab.lab;

import java.util.List;
import java.util.Objects;

/** Null-tolerant list copies for records that Jackson fills from optional YAML keys. */
final class Lists {
    private Lists() {}

    /** An immutable copy; an absent list is empty, an empty item ({@code [a, ]}) is an authoring error. */
    static <T> List<T> copy(List<T> list) {
        if (list == null) return List.of();
        // List.of(...).contains(null) throws, hence the stream.
        if (list.stream().anyMatch(Objects::isNull)) throw new IllegalArgumentException("a list item is empty");
        return List.copyOf(list);
    }
}
