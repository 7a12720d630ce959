package jlab.progress;

import java.util.List;
import java.util.Optional;

/**
 * Where a learner's progress is kept, one {@link LabProgress} per lab. Implementations report their own
 * trouble (a corrupt file, a full disk) to the learner and never throw: progress is a convenience, and
 * losing it must not end a lab.
 */
public interface ProgressStore {

    /** The saved progress of lab {@code labId}, if any (a corrupt file is set aside and reported: empty). */
    Optional<LabProgress> load(String labId);

    void save(LabProgress progress);

    /** Forgets lab {@code labId}'s progress. */
    void clear(String labId);

    /** Every lab's saved progress, ordered by lab id. */
    List<LabProgress> all();

    /** Whose progress this is: the name results are exported under. */
    default String learner() { return System.getProperty("user.name"); }

    /** Whom files written for the learner (an exported results file) should belong to; empty: whoever runs jlab. */
    default java.util.Optional<StateLocation.Owner> owner() { return java.util.Optional.empty(); }

    /** Keeps nothing: for lint and other runs that are not a learner's. */
    static ProgressStore none() {
        return new ProgressStore() {
            @Override public Optional<LabProgress> load(String labId) { return Optional.empty(); }

            @Override public void save(LabProgress progress) { }

            @Override public void clear(String labId) { }

            @Override public List<LabProgress> all() { return List.of(); }
        };
    }
}
