package jlab.doctor;

import java.util.List;

/** What {@link Doctor#run()} found: one {@link Finding} per check, in a fixed order. */
public record DoctorReport(List<Finding> findings) {

    public DoctorReport {
        findings = List.copyOf(findings);
    }

    public boolean hasFailures() {
        return findings.stream().anyMatch(f -> f.status() == Status.FAIL);
    }

    /** The process exit status for {@code jlab doctor}: 0 when nothing failed (warnings allowed), else 1. */
    public int exitStatus() {
        return hasFailures() ? 1 : 0;
    }

    /** The table and a one-line summary; with {@code color}, statuses carry ANSI colours. */
    public String render(boolean color) {
        return DoctorTable.render(findings, color);
    }
}
