package jlab.inspect;

import java.util.List;

/**
 * One kind of kernel state the learner can watch. {@link #snapshot} reads it (cheaply: a few /proc
 * reads, no external processes) into an immutable record; {@link #diff} says what a step changed;
 * {@link #show} shows the state as it is. Implementations are stateless and thread-safe.
 *
 * @param <S> the snapshot record
 */
public interface Inspector<S> {

    /** The name used in lab YAML ({@code observe: [namespaces]}) and by the shell's {@code show}. */
    String name();

    /** Other accepted names, e.g. {@code ns}. */
    List<String> aliases();

    /** One line for the shell's help. */
    String describe();

    S snapshot(InspectTarget target);

    /** The rows of {@code after}, each marked with how it changed since {@code before}, plus teaching notes. */
    Annotation diff(S before, S after);

    /** Every row of {@code now}, all marked {@link Annotation.Change#SAME}. */
    Annotation show(S now);

    /** Snapshots and shows in one call, for callers holding an {@code Inspector<?>}. */
    default Annotation showNow(InspectTarget target) {
        return show(snapshot(target));
    }
}
