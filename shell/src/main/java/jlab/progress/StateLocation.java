package jlab.progress;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the invoking learner's state goes: {@code $XDG_STATE_HOME/jlab}, else {@code ~/.local/state/jlab}.
 * Under sudo ({@code SUDO_USER} set, not root) "~" is the sudo user's home from the passwd file, and the
 * files are given to {@code SUDO_UID:SUDO_GID}, so that a lab run with sudo leaves no root-owned files in
 * the learner's home. A relative {@code XDG_STATE_HOME} is ignored, as the XDG spec asks.
 *
 * @param learner who the results belong to: the sudo user, else the current one
 * @param owner   whom created files and directories are chowned to; empty when jlab runs as the learner
 */
public record StateLocation(Path dir, String learner, Optional<Owner> owner) {

    public record Owner(int uid, int gid) {}

    public static StateLocation of(Map<String, String> env) {
        return resolve(env, System.getProperty("user.home"), System.getProperty("user.name"), StateLocation::systemPasswd);
    }

    /** Pure: {@code passwd} is read only under sudo. */
    public static StateLocation resolve(Map<String, String> env, String userHome, String userName, Supplier<String> passwd) {
        String sudoUser = env.get("SUDO_USER");
        if (sudoUser != null && !sudoUser.isBlank() && !sudoUser.equals("root")) {
            Optional<Passwd.Entry> entry = Passwd.find(passwd.get(), sudoUser);
            if (entry.isPresent()) {
                Passwd.Entry e = entry.get();
                int uid = number(env.get("SUDO_UID"), e.uid());
                int gid = number(env.get("SUDO_GID"), e.gid());
                return new StateLocation(stateDir(env, e.home()), sudoUser, Optional.of(new Owner(uid, gid)));
            }
        }
        String home = env.getOrDefault("HOME", userHome);
        if (home == null || home.isBlank() || !home.startsWith("/")) home = userHome;
        return new StateLocation(stateDir(env, home), userName, Optional.empty());
    }

    private static Path stateDir(Map<String, String> env, String home) {
        String xdg = env.get("XDG_STATE_HOME");
        Path base = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(home, ".local", "state");
        return base.resolve("jlab");
    }

    private static int number(String text, int otherwise) {
        try {
            return text == null ? otherwise : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String systemPasswd() {
        try {
            return java.nio.file.Files.readString(Path.of("/etc/passwd"));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
