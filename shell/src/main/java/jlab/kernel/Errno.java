package jlab.kernel;

import java.util.Map;

/**
 * An errno value with its symbolic name and glibc's English message. The table holds the values the
 * calls jlab makes can return; any other number still prints as {@code errno 133}.
 */
public record Errno(int number, String name, String message) {

    public static final int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ECHILD = 10, EAGAIN = 11,
            ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, EEXIST = 17, ENOTDIR = 20, EISDIR = 21,
            EINVAL = 22, ENOSPC = 28, EROFS = 30, ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40, EOPNOTSUPP = 95;

    private static final Map<Integer, Errno> KNOWN = table(
            new Errno(EPERM, "EPERM", "Operation not permitted"),
            new Errno(ENOENT, "ENOENT", "No such file or directory"),
            new Errno(ESRCH, "ESRCH", "No such process"),
            new Errno(EINTR, "EINTR", "Interrupted system call"),
            new Errno(EIO, "EIO", "Input/output error"),
            new Errno(7, "E2BIG", "Argument list too long"),
            new Errno(8, "ENOEXEC", "Exec format error"),
            new Errno(9, "EBADF", "Bad file descriptor"),
            new Errno(ECHILD, "ECHILD", "No child processes"),
            new Errno(EAGAIN, "EAGAIN", "Resource temporarily unavailable"),
            new Errno(ENOMEM, "ENOMEM", "Cannot allocate memory"),
            new Errno(EACCES, "EACCES", "Permission denied"),
            new Errno(EFAULT, "EFAULT", "Bad address"),
            new Errno(EBUSY, "EBUSY", "Device or resource busy"),
            new Errno(EEXIST, "EEXIST", "File exists"),
            new Errno(18, "EXDEV", "Invalid cross-device link"),
            new Errno(19, "ENODEV", "No such device"),
            new Errno(ENOTDIR, "ENOTDIR", "Not a directory"),
            new Errno(EISDIR, "EISDIR", "Is a directory"),
            new Errno(EINVAL, "EINVAL", "Invalid argument"),
            new Errno(23, "ENFILE", "Too many open files in system"),
            new Errno(24, "EMFILE", "Too many open files"),
            new Errno(25, "ENOTTY", "Inappropriate ioctl for device"),
            new Errno(26, "ETXTBSY", "Text file busy"),
            new Errno(ENOSPC, "ENOSPC", "No space left on device"),
            new Errno(EROFS, "EROFS", "Read-only file system"),
            new Errno(32, "EPIPE", "Broken pipe"),
            new Errno(36, "ENAMETOOLONG", "File name too long"),
            new Errno(ENOSYS, "ENOSYS", "Function not implemented"),
            new Errno(ENOTEMPTY, "ENOTEMPTY", "Directory not empty"),
            new Errno(ELOOP, "ELOOP", "Too many levels of symbolic links"),
            new Errno(61, "ENODATA", "No data available"),
            new Errno(EOPNOTSUPP, "EOPNOTSUPP", "Operation not supported"),
            new Errno(93, "EPROTONOSUPPORT", "Protocol not supported"),
            new Errno(97, "EAFNOSUPPORT", "Address family not supported by protocol"),
            new Errno(98, "EADDRINUSE", "Address already in use"),
            new Errno(105, "ENOBUFS", "No buffer space available"),
            new Errno(110, "ETIMEDOUT", "Connection timed out"),
            new Errno(111, "ECONNREFUSED", "Connection refused"));

    public static Errno of(int number) {
        Errno known = KNOWN.get(number);
        return known != null ? known : new Errno(number, "errno " + number, "Unknown error " + number);
    }

    /** {@code EPERM (Operation not permitted)}. */
    @Override public String toString() { return name + " (" + message + ")"; }

    private static Map<Integer, Errno> table(Errno... errnos) {
        var map = new java.util.HashMap<Integer, Errno>();
        for (Errno e : errnos) map.put(e.number, e);
        return Map.copyOf(map);
    }
}
