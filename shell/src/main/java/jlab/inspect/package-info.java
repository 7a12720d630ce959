/**
 * Inspectors: each takes a snapshot of one kind of kernel state (namespaces, processes, mounts, hostname)
 * from /proc, diffs two snapshots and describes the difference as an {@link jlab.inspect.Annotation}.
 * May use jlab.kernel and jlab.proc; never prints.
 */
package jlab.inspect;
