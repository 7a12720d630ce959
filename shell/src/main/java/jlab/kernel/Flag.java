package jlab.kernel;

import java.util.Collection;
import java.util.stream.Collectors;

/** A bit flag of a system call that knows its C name, so calls can be shown the way strace shows them. */
public interface Flag {
    /** The C macro name, e.g. {@code MS_PRIVATE}. */
    String cName();

    long bits();

    static long bits(Collection<? extends Flag> flags) {
        long bits = 0;
        for (Flag f : flags) bits |= f.bits();
        return bits;
    }

    /** {@code MS_REC|MS_PRIVATE}, or {@code 0} for none. */
    static String format(Collection<? extends Flag> flags) {
        if (flags.isEmpty()) return "0";
        return flags.stream().map(Flag::cName).collect(Collectors.joining("|"));
    }
}
