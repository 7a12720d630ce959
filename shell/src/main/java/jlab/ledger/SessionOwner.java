package jlab.ledger;

import java.time.Instant;

/** The jlab process a session belongs to: the first line of its ledger. */
public record SessionOwner(ProcessIdentity process, Instant started, String version) {

    /** The version in this jar's manifest, or {@code dev} when running from classes (tests, IDE). */
    public static String jlabVersion() {
        String v = SessionOwner.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    public String describe() {
        return "jlab " + version + " pid " + process.pid() + " (start time " + process.startTime() + "), started " + started;
    }
}
