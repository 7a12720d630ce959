package jlab.engine;

import jlab.lab.LiveKey;
import jlab.proc.NamespaceId;

/** Reads the value a live quiz question names from the kernel at the moment the learner answers. */
final class LiveValues {
    private final ContainerView view;

    LiveValues(ContainerView view) {
        this.view = view;
    }

    /** The value as text, or a sentence saying why there is none yet. */
    String read(LiveKey key) {
        var sandbox = view.sandbox();
        return switch (key.kind()) {
            case INIT_HOST_PID -> sandbox.initPid().isPresent() ? String.valueOf(sandbox.initPid().getAsInt())
                    : unavailable("the container has no init yet");
            case INIT_PID -> sandbox.initPid().isPresent()
                    ? view.innermostPid(sandbox.initPid().getAsInt()).map(String::valueOf).orElseGet(() -> unavailable("init is gone"))
                    : unavailable("the container has no init yet");
            case CONTAINER_HOSTNAME -> view.containerHostname();
            case HOST_HOSTNAME -> view.hostHostname();
            case CONTAINER_NS_INODE -> view.containerNamespace(key.namespace()).map(LiveValues::inode)
                    .orElseGet(() -> unavailable("no such namespace link"));
            case HOST_NS_INODE -> view.hostNamespace(key.namespace()).map(LiveValues::inode)
                    .orElseGet(() -> unavailable("no such namespace link"));
            case CONTAINER_ZOMBIES -> String.valueOf(ContainerProcesses.read(view).zombies().size());
            case CGROUP_VERSION -> Integer.toString(view.cgroups().tree().version().number());
            case CGROUP_VALUE -> CgroupValues.read(view.cgroups(), key.cgroupValue());
        };
    }

    private static String inode(NamespaceId id) {
        return String.valueOf(id.inode());
    }

    private static String unavailable(String why) {
        throw new IllegalStateException(why);
    }
}
