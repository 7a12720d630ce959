package jlab.fs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import jlab.kernel.SyscallException;
import jlab.kernel.Syscalls;

/** Reads one extended attribute of a file, without following a final symlink; a seam for tests. */
@FunctionalInterface
public interface Xattrs {

    /** The attribute's value as text, empty when the file has no such attribute or cannot be read. */
    Optional<String> get(Path path, String name);

    /** Reads nothing: for views with no kernel to ask (tests, the host before a lab starts). */
    Xattrs NONE = (path, name) -> Optional.empty();

    /** Through lgetxattr(2) of {@code kernel}. */
    static Xattrs through(Syscalls kernel) {
        return (path, name) -> {
            try {
                return kernel.getxattr(path.toString(), name).map(v -> new String(v, StandardCharsets.UTF_8));
            } catch (SyscallException e) {
                return Optional.empty();
            }
        };
    }
}
