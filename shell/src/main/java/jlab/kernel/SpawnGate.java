package jlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a gated spawn ({@link SpawnSpec.Gate}) is carried out. posix_spawn starts the gate's shell in the
 * program's place, with the streams, session and terminal the program would get, and the gate's pipe as
 * descriptor {@value #FD}:
 * <pre>  sh -c 'read -r _ &lt;&amp;3 &amp;&amp; exec 3&lt;&amp;- &amp;&amp; export PATH=… &amp;&amp; unset PWD SHLVL &amp;&amp; exec -a "$0" "$@"' ARGV0 PATH ARGS…</pre>
 * It blocks reading descriptor 3. A line lets it close 3, put the environment back and exec the program in
 * its own place: the same pid, session and controlling terminal, the argv asked for (argv[0] included), the
 * program's comm, exactly {@code env}. End of file instead (the caller closed its end, or died) makes
 * {@code read} fail, and the shell exits 1 without running anything. So jlab can note the pid in its ledger
 * before the learner's program runs, and a jlab killed in between leaves no program running.
 *
 * <p>The shell is busybox ash, the rootfs's: it has {@code exec -a}. Standalone busybox would run an applet
 * named without a slash inside the shell's own process (no exec, the shell's argv), so the program is always
 * named by a path. Ash exports PWD, SHLVL and (when it is missing) PATH of its own and resets IFS, OPTIND and
 * PPID; the script sets each back as {@code env} has it, or unsets it. It drops entries whose name is no
 * shell name and keeps one entry per name, so those are refused.
 */
public final class SpawnGate {
    private SpawnGate() {}

    /** The gate's descriptor in the child: the read end of the caller's pipe. */
    public static final int FD = 3;

    /** What the caller writes to let the program run. */
    public static final byte[] GO_AHEAD = {'\n'};

    private static final List<String> SET_BY_SHELL = List.of("PATH", "PWD", "SHLVL", "IFS", "OPTIND", "PPID");
    private static final List<String> ADDED_BY_SHELL = List.of("PATH", "PWD", "SHLVL");
    private static final Pattern ENTRY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    /** What posix_spawn really starts for the gated {@code spec}: its gate's shell, with no gate of its own. */
    public static SpawnSpec standIn(SpawnSpec spec) {
        if (spec.gate() == null) throw new IllegalArgumentException("not a gated spawn: " + spec.path());
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script(spec.env()), spec.argv().getFirst(), spec.path()));
        argv.addAll(spec.argv().subList(1, spec.argv().size()));
        return new SpawnSpec(spec.gate().shell(), argv, spec.env(), spec.stdin(), spec.stdout(), spec.stderr(),
                spec.newSession(), spec.terminal());
    }

    /** The gate's script for a program that is to get exactly {@code env}. */
    static String script(List<String> env) {
        StringBuilder script = new StringBuilder("read -r _ <&" + FD + " && exec " + FD + "<&-");
        List<String> restored = new ArrayList<>();
        List<String> unset = new ArrayList<>();
        for (String name : SET_BY_SHELL) {
            String entry = env.stream().filter(e -> e.startsWith(name + "=")).findFirst().orElse(null);
            if (entry != null) restored.add(name + "=" + singleQuoted(entry.substring(name.length() + 1)));
            else if (ADDED_BY_SHELL.contains(name)) unset.add(name);
        }
        if (!restored.isEmpty()) script.append(" && export ").append(String.join(" ", restored));
        if (!unset.isEmpty()) script.append(" && unset ").append(String.join(" ", unset));
        return script.append(" && exec -a \"$0\" \"$@\"").toString();
    }

    /** Refuses what the gate could not hand on unchanged; see the class comment. */
    static void requireSuitable(String path, List<String> env) {
        if (!path.contains("/")) {
            throw new IllegalArgumentException("a gated program is named by a path, or busybox sh would run its applet in place: " + path);
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String entry : env) {
            if (!ENTRY.matcher(entry).matches()) {
                throw new IllegalArgumentException("the gate's shell would drop this environment entry: " + entry);
            }
            if (!names.add(entry.substring(0, entry.indexOf('=')))) {
                throw new IllegalArgumentException("the gate's shell would keep only one of these: " + entry);
            }
        }
    }

    private static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
