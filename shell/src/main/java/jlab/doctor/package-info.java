/**
 * {@code jlab doctor}: checks that this machine can run the labs (root, kernel, namespaces, overlayfs,
 * cgroups, busybox-static, JDK, how /proc of a new pid namespace gets mounted, the process-events connector)
 * and renders the findings as a table. Reads /proc and /sys from injectable roots; may use jlab.kernel,
 * jlab.proc, jlab.cgroup (whose detector decides the cgroup version, here as in the labs) and jlab.events
 * (whose recorder opens the connector, as {@code show events} does).
 */
package jlab.doctor;
