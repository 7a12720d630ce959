/**
 * Pure parsers of /proc files (status, stat, mountinfo, cgroup, cmdline, namespace links),
 * {@link jlab.proc.ProcFs}, a reader over an injectable /proc root, and {@link jlab.proc.PseudoFiles}, which
 * reads the small files of /proc and /sys. May use jlab.kernel only.
 */
package jlab.proc;
