/**
 * The resource ledger: every mount, netns, cgroup, process and directory a session creates is written to
 * {@code /run/jlab/<session>/ledger.jsonl} before it exists, so {@link jlab.ledger.Cleanup} can undo what a
 * killed jlab left behind. Depends on {@code jlab.kernel} and {@code jlab.proc} (and Jackson for the file format).
 */
package jlab.ledger;
