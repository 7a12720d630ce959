package jlab.lab;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What the machine must offer: root, a minimum kernel version ("5.8"), Debian packages. */
public record Requires(boolean root, String kernel, List<String> packages) {
    public static final Requires NONE = new Requires(false, null, List.of());

    public Requires {
        packages = Lists.copy(packages);
    }

    @JsonCreator
    static Requires of(@JsonProperty("root") Boolean root, @JsonProperty("kernel") String kernel,
                       @JsonProperty("packages") List<String> packages) {
        return new Requires(Boolean.TRUE.equals(root), kernel, packages);
    }
}
