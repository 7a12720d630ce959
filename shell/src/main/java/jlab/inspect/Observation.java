package jlab.inspect;

/**
 * A snapshot taken before a step, waiting for the after-snapshot. Lets a caller that holds
 * {@code Inspector<?>} values (from {@link Inspectors}) diff without unchecked casts:
 * {@code var o = Observation.start(i, target); ...run the step...; Annotation a = o.finish(targetAfter);}.
 * The target may differ between the two (the step may have created the container thread or its init).
 */
public record Observation<S>(Inspector<S> inspector, S before) {

    public static <S> Observation<S> start(Inspector<S> inspector, InspectTarget target) {
        return new Observation<>(inspector, inspector.snapshot(target));
    }

    public Annotation finish(InspectTarget target) {
        return inspector.diff(before, inspector.snapshot(target));
    }
}
