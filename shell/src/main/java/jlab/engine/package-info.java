/**
 * Runs labs: a step's actions against the kernel (through the sandbox), checks against live state,
 * inspector diffs, hints, solutions and quiz grading. {@link jlab.engine.LabSession} is what the shell sees.
 * The learner's progress goes through a {@link jlab.progress.ProgressStore}: no file I/O here.
 * May use everything below the shell.
 */
package jlab.engine;
