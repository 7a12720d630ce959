package jlab.ledger;

/** A resource that could not be released, with a reason a learner can act on. */
public final class ReleaseException extends RuntimeException {

    public ReleaseException(String reason) {
        super(reason, null, false, false);
    }

    public ReleaseException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
