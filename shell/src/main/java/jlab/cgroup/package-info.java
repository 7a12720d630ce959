/**
 * cgroups for labs: detection of the host's layout ({@link jlab.cgroup.CgroupDetector}, the one place that
 * knows v1 from v2), the {@link jlab.cgroup.CgroupTree} interface with one backend per version in
 * {@code .v1} and {@code .v2}, and pure parsers of the interface files. May use jlab.kernel and jlab.proc.
 */
package jlab.cgroup;
