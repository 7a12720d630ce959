/**
 * Inspectors: each takes a snapshot of one kind of kernel state (namespaces, processes, mounts, hostname, links)
 * from /proc, diffs two snapshots and describes the difference as an {@link jlab.inspect.Annotation}.
 * May use jlab.kernel, jlab.proc and jlab.net; never prints.
 */
package jlab.inspect;
