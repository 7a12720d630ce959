/**
 * The learner's saved progress and results: the model ({@link jlab.progress.LabProgress}), where it lives
 * ({@code $XDG_STATE_HOME/jlab} of the invoking user, also under sudo), the atomic file store, and the
 * exports for instructors (versioned JSON, JUnit XML). Pure but for {@link jlab.progress.FileProgressStore};
 * uses nothing of jlab. The engine records progress through {@link jlab.progress.ProgressStore}.
 */
package jlab.progress;
