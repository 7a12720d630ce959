package jlab.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jlab.kernel.Namespace;

/**
 * A value a live question reads from the kernel: {@code init.host-pid}, {@code init.pid}, {@code container.hostname},
 * {@code host.hostname}, {@code ns.<type>.inode}, {@code host.ns.<type>.inode}, {@code container.zombies},
 * {@code cgroup.version}, {@code cgroup.<value>} (a value of the lab's cgroup, {@link CgroupNames#STATS}, e.g.
 * {@code cgroup.cpu.nr_throttled}). {@code namespace} is set only for the two inode kinds, {@code cgroupValue}
 * only for the cgroup values.
 */
public record LiveKey(Kind kind, Namespace namespace, String cgroupValue) {

    public enum Kind {
        INIT_HOST_PID("init.host-pid", "host PID of the container's init"),
        INIT_PID("init.pid", "PID of the container's init inside the container"),
        CONTAINER_HOSTNAME("container.hostname", "hostname of the container"),
        HOST_HOSTNAME("host.hostname", "hostname of the host"),
        CONTAINER_NS_INODE("ns.%s.inode", "inode of the container's %s namespace"),
        HOST_NS_INODE("host.ns.%s.inode", "inode of the host's %s namespace"),
        CONTAINER_ZOMBIES("container.zombies", "number of zombie processes in the container"),
        CGROUP_VERSION("cgroup.version", "cgroup version of this host (1 or 2)"),
        CGROUP_VALUE("cgroup.%s", "%s of the lab's cgroup");

        private final String template;
        private final String description;

        Kind(String template, String description) {
            this.template = template;
            this.description = description;
        }

        public boolean perNamespace() {
            return template.contains("%s") && this != CGROUP_VALUE;
        }

        /** True for values a prediction can measure: numbers that grow or shrink while a step runs. */
        public boolean counter() {
            return this == CGROUP_VALUE || this == CONTAINER_ZOMBIES;
        }
    }

    public LiveKey {
        if (kind.perNamespace() != (namespace != null)) {
            throw new IllegalArgumentException(kind + (namespace == null ? " needs" : " takes no") + " namespace");
        }
        if ((kind == Kind.CGROUP_VALUE) != (cgroupValue != null)) {
            throw new IllegalArgumentException(kind + (cgroupValue == null ? " needs" : " takes no") + " cgroup value");
        }
    }

    public LiveKey(Kind kind, Namespace namespace) {
        this(kind, namespace, null);
    }

    /** Parses the YAML spelling; namespace types as in {@code unshare:} ({@code mount}) or /proc ({@code mnt}). */
    public static Optional<LiveKey> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Kind kind : Kind.values()) {
            if (kind == Kind.CGROUP_VALUE) {
                String value = t.startsWith("cgroup.") ? t.substring("cgroup.".length()) : "";
                if (CgroupNames.STATS.contains(value)) return Optional.of(new LiveKey(kind, null, value));
                continue;
            }
            if (!kind.perNamespace()) {
                if (kind.template.equals(t)) return Optional.of(new LiveKey(kind, null));
                continue;
            }
            String[] around = kind.template.split("%s");
            if (t.startsWith(around[0]) && t.endsWith(around[1]) && t.length() > around[0].length() + around[1].length()) {
                String middle = t.substring(around[0].length(), t.length() - around[1].length());
                Optional<Namespace> ns = Namespace.parse(middle).filter(n -> !middle.startsWith("clone_"));
                if (ns.isPresent()) return Optional.of(new LiveKey(kind, ns.get()));
            }
        }
        return Optional.empty();
    }

    /** Every valid spelling in canonical form, for suggestions. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (kind.perNamespace()) {
                Arrays.stream(Namespace.values()).forEach(ns -> names.add(new LiveKey(kind, ns).text()));
            } else if (kind == Kind.CGROUP_VALUE) {
                CgroupNames.STATS.forEach(value -> names.add(new LiveKey(kind, null, value).text()));
            } else {
                names.add(kind.template);
            }
        }
        return names;
    }

    /** The canonical YAML spelling, e.g. {@code ns.net.inode}. */
    public String text() {
        if (kind == Kind.CGROUP_VALUE) return kind.template.formatted(cgroupValue);
        return kind.perNamespace() ? kind.template.formatted(Vocabulary.namespaceName(namespace)) : kind.template;
    }

    public String describe() {
        if (kind == Kind.CGROUP_VALUE) return kind.description.formatted(cgroupValue);
        return kind.perNamespace() ? kind.description.formatted(Vocabulary.namespaceName(namespace)) : kind.description;
    }
}
