package jlab.engine;

import java.util.List;
import java.util.function.Consumer;

import jlab.lab.Action;
import jlab.lab.ShellQuoting;
import jlab.sandbox.Sandbox;

/** Performs a lab's actions against the sandbox: one case per action kind, nothing else. */
final class ActionRunner {
    /** How long an `exec` action may run before jlab kills it. */
    static final long EXEC_TIMEOUT_MILLIS = 10_000;

    private final Sandbox sandbox;
    private final boolean allowPidnsProcOption;
    private final NetworkSteps network;
    private final LabCgroups cgroups;

    ActionRunner(Sandbox sandbox, boolean allowPidnsProcOption, LabCgroups cgroups) {
        this.sandbox = sandbox;
        this.allowPidnsProcOption = allowPidnsProcOption;
        this.network = new NetworkSteps(sandbox);
        this.cgroups = cgroups;
    }

    /** Runs {@code action}; command output goes to {@code output}, teaching remarks to {@code notes}. */
    void run(Action action, Consumer<String> output, List<String> notes) {
        switch (action) {
            case Action.Unshare u -> sandbox.unshare(u.namespaces());
            case Action.MakePrivate p -> sandbox.makePrivate(p.path());
            case Action.Spawn s when s.role() == Action.Spawn.Role.INIT -> {
                int pid = sandbox.spawnInit(s.argv());
                notes.add("init started: host pid " + pid + " (" + ShellQuoting.join(s.argv()) + ")");
            }
            case Action.Spawn s -> notes.add("started host pid " + sandbox.commands().spawnDetached(s.argv())
                    + " (" + ShellQuoting.join(s.argv()) + ")");
            case Action.Exec e -> {
                output.accept("$ " + ShellQuoting.join(e.argv()));
                var result = sandbox.commands().run(e.argv(), output, EXEC_TIMEOUT_MILLIS);
                if (result.exitCode() != 0) notes.add(ShellQuoting.join(e.argv()) + ": " + result.status().describe());
            }
            case Action.SetHostname h -> sandbox.sethostname(h.hostname());
            case Action.MountProc m -> notes.add(switch (sandbox.mounts().mountProc(allowPidnsProcOption)) {
                case PIDNS_OPTION -> "/proc mounted by jlab with procfs's pidns option (fsopen/fsconfig/fsmount/move_mount)";
                case PROCESS_INSIDE -> "/proc mounted by a process inside the container (`mount -t proc proc /proc`):"
                        + " this kernel has no procfs pidns option";
            });
            case Action.Mount m -> sandbox.mounts().mount(m.type().name().toLowerCase(java.util.Locale.ROOT), m.target(), m.options());
            case Action.Chroot c -> sandbox.chroot();
            case Action.PivotRoot p -> sandbox.pivotRoot();
            case Action.Veth v -> network.run(v, notes);
            case Action.Bridge b -> network.run(b, notes);
            case Action.MoveLink m -> network.run(m, notes);
            case Action.Enslave e -> network.run(e, notes);
            case Action.LinkUp u -> network.run(u, notes);
            case Action.AddAddress a -> network.run(a, notes);
            case Action.DefaultRoute r -> network.run(r, notes);
            case Action.Overlay o -> notes.add("overlay mounted at " + o.merged() + " with options: "
                    + sandbox.mounts().mountOverlay(o.lower(), o.upper(), o.work(), o.merged()));
            case Action.Umount u -> sandbox.mounts().unmount(u.path());
            case Action.Install i -> notes.add("copied the host's " + i.tool() + " to " + sandbox.install(i.tool()));
            case Action.SendSignal s -> new InitSignals(sandbox).send(s, output, notes);
            case Action.CgroupCreate c -> notes.addAll(cgroups.create(c.controllers().stream()
                    .map(name -> jlab.cgroup.Controller.parse(name).orElseThrow()).collect(java.util.stream.Collectors.toSet())));
            case Action.CgroupSet c -> notes.addAll(cgroups.set(c.file(), c.value()));
            case Action.CgroupMove c -> {
                int init = sandbox.initPid().orElseThrow(() -> new jlab.cgroup.CgroupException("the container has no init to move"));
                notes.addAll(cgroups.move(init));
                sandbox.placeNewProcessesWith(cgroups::move);
                notes.add("from now on every command starts in the lab's cgroup: jlab moves it in before it runs");
            }
        }
    }
}
