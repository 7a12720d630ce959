package jlab.cgroup;

/** A cgroup operation failed; the message says what was attempted, what the kernel said and why. */
public final class CgroupException extends RuntimeException {
    public CgroupException(String message) {
        super(message);
    }

    public CgroupException(String message, Throwable cause) {
        super(message, cause);
    }
}
