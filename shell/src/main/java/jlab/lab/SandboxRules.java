package jlab.lab;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import jlab.kernel.Namespace;

/**
 * Rules that keep a lab inside its sandbox and its actions in a possible order: paths are absolute and cannot
 * climb out with "..", mounts happen only in a mount namespace of the lab's own, there is at most one init, a
 * user namespace is never asked for. Steps are walked in order; a solution's effects count for later steps.
 */
final class SandboxRules {
    private static final int HOST_NAME_MAX = 64;
    /** The tools jlab.sandbox.HostTools can copy into a rootfs (SandboxRulesToolsTest keeps the two equal). */
    static final java.util.Set<String> INSTALLABLE = java.util.Set.of("tini");
    /** The state letters of /proc/PID/stat (proc_pid_stat(5)). */
    private static final Pattern PROCESS_STATES = Pattern.compile("[RSDZTtXIKWP]");

    private final LabReader reader;
    private final YamlSource source;
    private final Problems problems;
    private boolean ownMountNamespace;
    /** Where the lab unshared its mount namespace, until `make-private: /` makes its root private (then null). */
    private String sharedRootSince;
    private boolean warnedSharedRoot;
    private boolean ownNetNamespace;
    private String initPointer;
    private boolean cgroupCreated;

    SandboxRules(LabReader reader, YamlSource source, Problems problems) {
        this.reader = reader;
        this.source = source;
        this.problems = problems;
    }

    void validate(Lab lab) {
        for (Step step : lab.steps()) {
            actions(step.actions());
            for (Question q : step.quiz()) {
                if (q instanceof Question.Prediction p && p.measure().kind() == LiveKey.Kind.CGROUP_VALUE && !cgroupCreated) {
                    report(reader.pointerOf(q) + "/answer/measure", "measuring " + p.measure().text()
                            + " needs the lab's cgroup by the end of this step's actions", "put `cgroup: {}` before it");
                }
            }
            actions(step.solution());
            for (Check check : step.checks()) check(check, reader.pointerOf(check));
        }
    }

    private void actions(List<Action> actions) {
        for (Action action : actions) action(action, reader.pointerOf(action));
    }

    private void action(Action action, String at) {
        String value = YamlSource.child(at, action.keyword());
        switch (action) {
            case Action.Unshare u -> unshare(u, value);
            case Action.MakePrivate m -> {
                sandboxPath(m.path(), value);
                needsOwnMountNamespace(action, at);
                if ("/".equals(m.path())) sharedRootSince = null;
            }
            case Action.Spawn s -> {
                privateRootFirst(action, at);
                if (s.argv().isEmpty()) report(value, "spawn needs `argv:`, the command to start", null);
                if (s.role() == Action.Spawn.Role.INIT) {
                    if (initPointer != null) {
                        report(value + "/role", "a lab has at most one init",
                                "the init is spawned at line " + source.positionOf(initPointer, false).line());
                    } else {
                        initPointer = at;
                    }
                }
            }
            case Action.Exec e -> {
                privateRootFirst(action, at);
                if (e.argv().isEmpty()) report(value, "exec needs a command", "like `exec: [hostname]`");
            }
            case Action.SetHostname h -> hostname(h.hostname(), value);
            case Action.MountProc p -> {
                needsOwnMountNamespace(action, at);
                if (initPointer == null) {
                    report(at, "mount-proc needs the container's init to show its pid namespace",
                            "spawn one before: `spawn: { argv: [...], role: init }`");
                }
            }
            case Action.Mount m -> {
                if (m.type() == null) report(value, "mount needs `type:` (tmpfs or proc)", null);
                sandboxPath(m.target(), value + "/target");
                needsOwnMountNamespace(action, at);
            }
            case Action.Chroot c -> { /* the rootfs is always there to chroot into */ }
            case Action.PivotRoot p -> needsOwnMountNamespace(action, at);
            case Action.Veth v -> {
                linkName(v.name(), value + "/name");
                linkName(v.peer(), value + "/peer");
                place(v.where(), at);
            }
            case Action.Bridge b -> {
                linkName(b.name(), value + "/name");
                place(b.where(), at);
            }
            case Action.MoveLink m -> {
                linkName(m.link(), value + "/link");
                if (m.to() == null) report(value, "move-link needs `to:` (hub, red or blue)", null);
                else if (m.to() == m.from()) report(value + "/to", "the link is in " + Vocabulary.lower(m.to()) + " already", null);
                place(m.from(), at);
                place(m.to(), at);
            }
            case Action.Enslave e -> {
                linkName(e.link(), value + "/link");
                linkName(e.bridge(), value + "/bridge");
                place(e.where(), at);
            }
            case Action.LinkUp u -> {
                linkName(u.link(), value + "/link");
                place(u.where(), at);
            }
            case Action.AddAddress a -> {
                linkName(a.link(), value + "/link");
                hostPart(a.host(), value + "/host");
                place(a.where(), at);
            }
            case Action.DefaultRoute r -> {
                if (r.where() == null) report(value, "route needs `in:` (hub, red or blue)", null);
                hostPart(r.via(), value + "/via");
                place(r.where(), at);
            }
            case Action.Overlay o -> overlay(o, value);
            case Action.Umount u -> {
                sandboxPath(u.path(), value);
                needsOwnMountNamespace(action, at);
            }
            case Action.Install i -> {
                if (!INSTALLABLE.contains(i.tool())) {
                    report(value, "jlab cannot install '" + i.tool() + "'; it knows " + INSTALLABLE,
                            Suggestions.didYouMean(String.valueOf(i.tool()), INSTALLABLE));
                }
            }
            case Action.SendSignal s -> {
                if (s.kernelSignal().isEmpty()) {
                    report(value + "/signal", "unknown signal '" + s.signal() + "'", "like TERM, INT, KILL, STOP or CONT");
                }
                if (initPointer == null) {
                    report(at, "signal needs the container's init to send it to",
                            "spawn one before: `spawn: { argv: [...], role: init }`");
                }
            }
            case Action.CgroupCreate c -> {
                for (String name : c.controllers()) oneOf(name, CgroupNames.CONTROLLERS, "controller", value + "/controllers");
                cgroupCreated = true;
            }
            case Action.CgroupSet c -> {
                needsCgroup(action, at);
                oneOf(c.file(), CgroupNames.FILES, "cgroup file jlab sets", value + "/file");
                if (c.value() == null || c.value().isBlank()) report(value, "cgroup-set needs `value:`", "like `value: \"20000 100000\"`");
            }
            case Action.CgroupMove c -> {
                needsCgroup(action, at);
                oneOf(c.who(), CgroupNames.WHO, "process to move", value);
                if (initPointer == null) report(at, "cgroup-move needs the container's init", "spawn one before: `spawn: { argv: [...], role: init }`");
            }
        }
    }

    private void overlay(Action.Overlay o, String value) {
        if (o.lower().isEmpty()) report(value + "/lower", "an overlay needs at least one lower layer", "like `lower: [/lower]`");
        for (int i = 0; i < o.lower().size(); i++) layerPath(o.lower().get(i), value + "/lower/" + i);
        layerPath(o.upper(), value + "/upper");
        layerPath(o.work(), value + "/work");
        sandboxPath(o.merged(), value + "/merged");
        if (!ownMountNamespace) {
            report(value, "overlay needs the lab's own mount namespace, or it would change the host's mounts",
                    "put `unshare: [mount]` before it");
        }
    }

    /** Overlay options separate layers with ':' and options with ','; a path with either cannot be said. */
    private void layerPath(String path, String at) {
        sandboxPath(path, at);
        if (path != null && (path.contains(",") || path.contains(":"))) {
            report(at, "an overlay layer path cannot contain ',' or ':'", null);
        }
    }

    private void unshare(Action.Unshare unshare, String value) {
        if (unshare.namespaces().isEmpty()) report(value, "unshare needs at least one namespace", null);
        if (unshare.namespaces().contains(Namespace.USER)) {
            report(userEntry(value), "a user namespace cannot be unshared here: jlab runs in the JVM, a "
                    + "multithreaded process, and unshare(CLONE_NEWUSER) fails with EINVAL in one", "remove 'user'");
        }
        if (unshare.namespaces().contains(Namespace.MOUNT)) {
            ownMountNamespace = true;
            sharedRootSince = value;
        }
        if (unshare.namespaces().contains(Namespace.NET)) ownNetNamespace = true;
    }

    /** The 'user' item of an unshare list, to point at it rather than at the whole list. */
    private String userEntry(String listPointer) {
        var list = source.at(listPointer);
        for (int i = 0; i < list.size(); i++) {
            if (Namespace.parse(list.get(i).asText()).orElse(null) == Namespace.USER) return listPointer + "/" + i;
        }
        return listPointer;
    }

    private void needsCgroup(Action action, String at) {
        if (cgroupCreated) return;
        report(at, action.keyword() + " needs the lab's cgroup", "put `cgroup: {}` before it");
    }

    private void oneOf(String given, List<String> allowed, String noun, String at) {
        if (given == null || !allowed.contains(given)) {
            report(at, "unknown " + noun + " '" + given + "'", Suggestions.closest(String.valueOf(given), allowed)
                    .map(m -> "did you mean '" + m + "'?").orElse("one of " + allowed));
        }
    }

    /**
     * A new mount namespace starts with the host's propagation: until `make-private: /`, a mount made by a
     * spawned or exec'd process (a learner's `mount -t tmpfs`) would show up on the host too. Said once.
     */
    private void privateRootFirst(Action action, String at) {
        if (sharedRootSince == null || warnedSharedRoot) return;
        warnedSharedRoot = true;
        report(at, action.keyword() + " before `make-private: /`: the new mount namespace still shares mount "
                + "events with the host's, so mounts made inside would appear on the host",
                "put `make-private: /` right after the unshare at line " + source.positionOf(sharedRootSince, false).line());
    }

    private void needsOwnMountNamespace(Action action, String at) {
        if (ownMountNamespace) return;
        report(at, action.keyword() + " needs the lab's own mount namespace, or it would change the host's mounts",
                "put `unshare: [mount]` before it");
    }

    private void hostname(String hostname, String at) {
        if (hostname == null || hostname.isBlank()) {
            report(at, "sethostname needs a hostname", null);
        } else if (hostname.length() > HOST_NAME_MAX || hostname.chars().anyMatch(Character::isWhitespace)) {
            report(at, "'" + hostname + "' is not a hostname (at most 64 characters, no spaces)", null);
        }
    }

    private void check(Check check, String at) {
        String value = YamlSource.child(at, check.keyword());
        switch (check) {
            case Check.HostnameCheck h -> {
                if ((h.is() == null) == (h.unchanged() == null)) {
                    report(value, "a hostname check has either `is: <name>` or `unchanged: true`", null);
                }
            }
            case Check.NamespaceCheck n -> {
                if (n.type() == null) report(value, "a namespace check needs `type:`", "like `type: uts`");
            }
            case Check.InitCheck i -> { /* running defaults to true; nothing can be wrong */ }
            case Check.MountedCheck m -> sandboxPath(m.path(), value + "/path");
            case Check.CommandCheck c -> {
                if (c.run().isEmpty()) report(value, "a command check needs `run:`, the command", null);
                if (c.exit() < 0 || c.exit() > 255) report(value + "/exit", "an exit status is 0 to 255", null);
                if (c.output() != null) regex(c.output(), value + "/output");
            }
            case Check.LinkCheck l -> linkName(l.name(), value + "/name");
            case Check.AddressCheck a -> {
                linkName(a.link(), value + "/link");
                hostPart(a.host(), value + "/host");
            }
            case Check.RouteCheck r -> hostPart(r.via(), value + "/via");
            case Check.PingCheck p -> {
                if (p.from() != NetPlace.RED) {
                    report(value + "/from", "ping runs busybox in the container, so `from:` can only be red", null);
                }
                hostPart(p.to(), value + "/to");
            }
            case Check.CgroupValueCheck c -> {
                oneOf(c.value(), CgroupNames.values(), "cgroup value", value + "/value");
                if ((c.is() == null) == (c.above() == null)) {
                    report(value, "a cgroup-value check has either `is: <text>` or `above: <number>`", null);
                }
            }
            case Check.InCgroupCheck c -> oneOf(c.who(), CgroupNames.WHO, "process", value);
            case Check.FileCheck f -> {
                sandboxPath(f.path(), value + "/path");
                if (!f.exists() && f.contains() != null) {
                    report(value + "/contains", "a file that must not exist cannot contain anything", null);
                }
            }
            case Check.WhiteoutCheck w -> sandboxPath(w.path(), value + "/path");
            case Check.CopiedUpCheck c -> sandboxPath(c.path(), value + "/path");
            case Check.OpaqueCheck o -> sandboxPath(o.path(), value + "/path");
            case Check.ZombiesCheck z -> {
                if (z.min() == null && z.max() == null) report(value, "a zombies check needs `min:`, `max:` or both", "like `min: 1`");
                if ((z.min() != null && z.min() < 0) || (z.max() != null && z.max() < 0)) {
                    report(value, "a number of zombies cannot be negative", null);
                } else if (z.min() != null && z.max() != null && z.min() > z.max()) {
                    report(value, "`min:` is larger than `max:`", null);
                }
                if (z.parent() != null) regex(z.parent(), value + "/parent");
            }
            case Check.ProcessCheck p -> {
                if (p.command() == null) report(value, "a process check needs `command:`, a regular expression", null);
                else regex(p.command(), value + "/command");
                if (p.state() != null && !PROCESS_STATES.matcher(p.state()).matches()) {
                    report(value + "/state", "'" + p.state() + "' is not a process state", "one of R, S, D, Z, T, t, I, X");
                }
                if (p.count() != null && p.count() < 0) report(value + "/count", "a count cannot be negative", null);
            }
        }
    }

    /** The container's namespace is red: an action there before `unshare: [net]` would change the host's. */
    private void place(NetPlace place, String at) {
        if (place == NetPlace.RED && !ownNetNamespace) {
            report(at, "red is the container's network namespace, which it does not have yet",
                    "put `unshare: [net]` before it");
        }
    }

    /** A Linux interface name: 1 to 15 bytes (IFNAMSIZ), no '/', no white space. */
    private void linkName(String name, String at) {
        if (name == null || name.isEmpty()) {
            report(at, "a link name is needed here", "like eth0");
        } else if (name.length() > 15 || name.contains("/") || name.chars().anyMatch(Character::isWhitespace)) {
            report(at, "'" + name + "' is not an interface name (at most 15 characters, no '/' or spaces)", null);
        }
    }

    /** The host part of an address in the lab's /24 subnet. */
    private void hostPart(int host, String at) {
        if (host < 1 || host > 254) report(at, "a host in the lab's /24 subnet is 1 to 254", "like 2 for .2");
    }

    /** A path inside the sandbox: absolute, and no ".." that could climb out of its root. */
    private void sandboxPath(String path, String at) {
        if (path == null || path.isBlank()) {
            report(at, "a path is needed here", "like /proc");
        } else if (!path.startsWith("/")) {
            report(at, "'" + path + "' is not an absolute path; paths are inside the sandbox's root",
                    "write /" + path);
        } else if (Stream.of(path.split("/")).anyMatch(".."::equals)) {
            report(at, "'..' is not allowed in '" + path + "': paths stay inside the sandbox's root", null);
        }
    }

    private void regex(String regex, String at) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            report(at, "not a valid regular expression: " + e.getDescription() + " near position " + e.getIndex(),
                    null);
        }
    }

    private void report(String pointer, String message, String suggestion) {
        problems.add(source.problem(pointer, false, message, suggestion));
    }
}
