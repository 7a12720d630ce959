package jlab.lab;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import jlab.kernel.Namespace;

/** The words of the lab format: action and check names (read from the Jackson annotations), nouns, examples. */
final class Vocabulary {
    static final TypeNames ACTIONS = TypeNames.of(Action.class, "action");
    static final TypeNames CHECKS = TypeNames.of(Check.class, "check");

    /** Actions whose YAML value carries nothing; {@code chroot:} alone is read as {@code chroot: {}}. */
    static final Set<String> NO_ARGUMENT = Set.of("mount-proc", "chroot", "pivot-root");

    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("unshare", "unshare: [mount, uts, pid]"),
            Map.entry("make-private", "make-private: /"),
            Map.entry("spawn", "spawn: { argv: [/bin/sh], role: init }"),
            Map.entry("exec", "exec: [hostname, lab]"),
            Map.entry("sethostname", "sethostname: lab"),
            Map.entry("mount-proc", "mount-proc: {}"),
            Map.entry("mount", "mount: { type: tmpfs, target: /tmp }"),
            Map.entry("chroot", "chroot: {}"),
            Map.entry("pivot-root", "pivot-root: {}"),
            Map.entry("hostname", "hostname: { in: container, is: lab }"),
            Map.entry("namespace", "namespace: { type: uts, differs: true }"),
            Map.entry("init", "init: { running: true }"),
            Map.entry("mounted", "mounted: { path: /proc, type: proc }"),
            Map.entry("command", "command: { run: [hostname], output: lab }"),
            Map.entry("file", "file: { path: /etc/motd, exists: true }"),
            Map.entry("veth", "veth: { name: veth-red, peer: eth0, in: hub }"),
            Map.entry("bridge", "bridge: { name: br0, in: hub }"),
            Map.entry("move-link", "move-link: { link: eth0, from: hub, to: red }"),
            Map.entry("enslave", "enslave: { link: veth-red, bridge: br0, in: hub }"),
            Map.entry("link-up", "link-up: { link: eth0, in: red }"),
            Map.entry("address", "address: { link: eth0, in: red, host: 2 }"),
            Map.entry("route", "route: { in: red, via: 1 }"),
            Map.entry("link", "link: { name: eth0, in: red, state: up }"),
            Map.entry("ping", "ping: { from: red, to: 1 }"),
            Map.entry("overlay", "overlay: { lower: [/lower], upper: /upper, work: /work, merged: /merged }"),
            Map.entry("umount", "umount: /merged"),
            Map.entry("install", "install: tini"),
            Map.entry("signal", "signal: { to: init, signal: TERM, from: host }"),
            Map.entry("whiteout", "whiteout: { path: /merged/old.txt }"),
            Map.entry("copied-up", "copied-up: { path: /merged/hello.txt }"),
            Map.entry("opaque", "opaque: { path: /merged/data }"),
            Map.entry("zombies", "zombies: { min: 1 }"),
            Map.entry("process", "process: { command: sleep, state: T }"),
            Map.entry("cgroup", "cgroup: { controllers: [cpu, memory, pids] }"),
            Map.entry("cgroup-set", "cgroup-set: { file: cpu.max, value: \"20000 100000\" }"),
            Map.entry("cgroup-move", "cgroup-move: init"),
            Map.entry("cgroup-value", "cgroup-value: { value: cpu.nr_throttled, above: 0 }"),
            Map.entry("in-cgroup", "in-cgroup: init"));

    private Vocabulary() {}

    /** The YAML names of the subtypes of a sealed, Jackson-annotated base type. */
    record TypeNames(String kind, Map<Class<?>, String> byType) {
        static TypeNames of(Class<?> base, String kind) {
            Map<Class<?>, String> names = new LinkedHashMap<>();
            for (JsonSubTypes.Type t : base.getAnnotation(JsonSubTypes.class).value()) names.put(t.value(), t.name());
            return new TypeNames(kind, Collections.unmodifiableMap(names));
        }

        String nameOf(Class<?> type) {
            return byType.get(type);
        }

        /** The first declared name, for examples. */
        String first() {
            return byType.values().iterator().next();
        }

        List<String> names() {
            return byType.values().stream().sorted().toList();
        }
    }

    static String example(String name) {
        return EXAMPLES.getOrDefault(name, name + ": ...");
    }

    /** A namespace type as labs spell it: {@code mount}, {@code uts}, ... */
    static String namespaceName(Namespace ns) {
        return lower(ns);
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static List<String> enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(e -> lower((Enum<?>) e)).toList();
    }

    /** What an enum's values are called in messages ("unknown namespace 'utss'"). */
    static String enumNoun(Class<?> enumType) {
        if (enumType == Namespace.class) return "namespace";
        if (enumType == Action.Spawn.Role.class) return "role";
        if (enumType == Check.Where.class) return "place";
        if (enumType == Action.Mount.FsType.class) return "file system type";
        if (enumType == SandboxSpec.Rootfs.class) return "rootfs";
        if (enumType == NetPlace.class) return "network namespace";
        if (enumType == Check.LinkState.class) return "link state";
        if (enumType == Action.SendSignal.Target.class) return "signal target";
        if (enumType == Action.SendSignal.From.class) return "sender";
        return "value";
    }

    /** Where a key was found, for "unknown key 'x' in step". */
    static String noun(Class<?> type) {
        if (type == Raw.Lab.class) return "the lab";
        if (type == Raw.Step.class) return "a step";
        if (type == Raw.Question.class) return "a question";
        if (type == Raw.Answer.class) return "an answer";
        if (type == Requires.class) return "requires";
        if (type == SandboxSpec.class) return "sandbox";
        if (type == Raw.ReasonHint.class) return "a hint chosen by a failure reason (when, text)";
        if (type == Raw.Var.class) return "a var (pick, range, step, hex)";
        if (ACTIONS.nameOf(type) != null) return "action '" + ACTIONS.nameOf(type) + "'";
        if (CHECKS.nameOf(type) != null) return "check '" + CHECKS.nameOf(type) + "'";
        return "this mapping";
    }
}
