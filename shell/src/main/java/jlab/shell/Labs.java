package jlab.shell;

import java.util.List;

import jlab.engine.LabSession;

/** The labs the shell can list and start; implemented outside the shell (by the engine's wiring). */
public interface Labs {

    /**
     * One line of {@code list}. {@code steps} is the number of steps; {@code origin} is the directory a lab
     * came from when it is not the repository's labs/ (else null).
     */
    record LabSummary(String id, String title, String summary, int steps, String origin) {
        public LabSummary(String id, String title, String summary, int steps) {
            this(id, title, summary, steps, null);
        }
    }

    List<LabSummary> list();

    /**
     * Prepares the lab's sandbox. The shell then moves onto step 1 with {@link LabSession#goTo}(0).
     *
     * @throws RuntimeException with a message written for the learner (unknown lab with a "did you mean",
     *         not root, missing package …); {@link ShellException} is the natural choice
     */
    LabSession start(String id);

    /** The learner's saved progress in the labs (for {@code progress} and {@code results}); by default none is kept. */
    default jlab.progress.ProgressStore progress() {
        return jlab.progress.ProgressStore.none();
    }
}
