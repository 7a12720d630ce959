package jlab.inspect;

import java.util.Optional;

/** The hostname of the host and of the container (empty when there is no container or it cannot answer). */
public record UtsSnapshot(Optional<String> host, Optional<String> container) {
}
