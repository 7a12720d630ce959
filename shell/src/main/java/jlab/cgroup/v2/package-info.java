/**
 * The cgroup v2 backend: one unified hierarchy, controllers enabled through cgroup.subtree_control,
 * cpu.max / memory.max / pids.max as labs name them. May use jlab.cgroup, jlab.proc, jlab.kernel.
 */
package jlab.cgroup.v2;
