/**
 * The lab sandbox: a workspace under /run/jlab/SESSION, a busybox root file system, the container's own
 * thread with its namespaces, an init spawned inside, /proc for its pid namespace, commands run inside,
 * an interactive shell on a pty of the container's own devpts ({@link jlab.sandbox.ContainerShell}),
 * and teardown; the lab's network namespaces ({@link jlab.sandbox.LabNetwork}). May use jlab.kernel, jlab.proc,
 * jlab.ledger and jlab.net.
 */
package jlab.sandbox;
