/**
 * {@code jlab doctor}: checks that this machine can run the labs (root, kernel, namespaces, overlayfs,
 * cgroups, busybox-static, JDK, how /proc of a new pid namespace gets mounted) and renders the findings
 * as a table. Reads /proc and /sys from injectable roots; may use jlab.kernel only.
 */
package jlab.doctor;
