package jlab.progress;

import java.util.Optional;

/** The user database's text ({@code /etc/passwd}): {@code name:password:uid:gid:gecos:home:shell} a line. */
public final class Passwd {
    private Passwd() {}

    public record Entry(String name, int uid, int gid, String home, String shell) {}

    /** The entry of {@code user} in {@code text}; malformed lines and comments are skipped. */
    public static Optional<Entry> find(String text, String user) {
        for (String line : text.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length < 7 || !f[0].equals(user) || line.startsWith("#")) continue;
            try {
                return Optional.of(new Entry(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[5], f[6]));
            } catch (NumberFormatException e) {
                // a broken line for this name: keep looking, as getpwnam(3) would find the next one
            }
        }
        return Optional.empty();
    }
}
