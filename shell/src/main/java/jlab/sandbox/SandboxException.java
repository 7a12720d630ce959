package jlab.sandbox;

/** Something a lab asked of the sandbox that it cannot or must not do, said so the learner understands. */
public final class SandboxException extends RuntimeException {
    public SandboxException(String message) {
        super(message, null, false, false);
    }
}
