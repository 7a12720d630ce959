/**
 * Pure parsers of /proc files (status, stat, mountinfo, cgroup, cmdline, namespace links) and
 * {@link jlab.proc.ProcFs}, a reader over an injectable /proc root. May use jlab.kernel only.
 */
package jlab.proc;
