package jlab.inspect;

import java.util.Map;
import java.util.Optional;

import jlab.proc.NamespaceId;

/**
 * The ns links of the host (JVM main thread) and of the container (its thread, or its init once the thread
 * is gone). {@code containerView} names whose links {@code container} holds ("thread 1234", "init 5678");
 * empty when there is no container. A link missing from {@code container} could not be read: for
 * {@code pid_for_children} that means unshare(CLONE_NEWPID) ran but no child exists yet.
 */
public record NamespaceSnapshot(Map<String, NamespaceId> host, Map<String, NamespaceId> container,
                                Optional<String> containerView) {

    public NamespaceSnapshot {
        host = Map.copyOf(host);
        container = Map.copyOf(container);
    }

    /** What the container would see for {@code link}: its own link, or the host's when there is no container. */
    Optional<NamespaceId> effectiveContainer(String link) {
        return containerView.isPresent() ? Optional.ofNullable(container.get(link))
                : Optional.ofNullable(host.get(link));
    }
}
