/**
 * The cgroup v1 backend: one hierarchy per controller (cpu, cpuacct, memory, pids), each with its own
 * directory for the same cgroup, and the translation of v2 names (cpu.max, memory.max) to v1 files.
 * May use jlab.cgroup, jlab.proc, jlab.kernel.
 */
package jlab.cgroup.v1;
