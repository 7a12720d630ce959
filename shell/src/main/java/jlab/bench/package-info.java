/**
 * {@code jlab bench}: start-up, container, snapshot and network costs measured side by side with the tools a learner
 * would otherwise use, interleaved in one process run, reported as ratios. One class per benchmark.
 * May use jlab.kernel, jlab.sandbox, jlab.inspect and jlab.shell (for rendering).
 */
package jlab.bench;
