/**
 * The lab sandbox: a workspace under /run/jlab/SESSION, a busybox root file system, the container's own
 * thread with its namespaces, an init spawned inside, /proc for its pid namespace, commands run inside,
 * and teardown. May use jlab.kernel, jlab.proc and jlab.ledger.
 */
package jlab.sandbox;
