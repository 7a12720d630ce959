package jlab.shell;

/** A failure whose message is written for the learner and shown as is, on one line. */
public class ShellException extends RuntimeException {
    public ShellException(String message) {
        super(message);
    }

    public ShellException(String message, Throwable cause) {
        super(message, cause);
    }
}
