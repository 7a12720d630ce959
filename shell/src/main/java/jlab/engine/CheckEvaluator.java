package jlab.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.List;

import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.CheckResult;
import jlab.kernel.SyscallException;
import jlab.lab.Check;
import jlab.lab.FailureReasons;
import jlab.sandbox.SandboxException;

/** Evaluates a step's checks against the live kernel: one case per check kind. */
final class CheckEvaluator {
    /** Short for the reasons' vocabulary. */
    private interface R {
        String SEPARATE = FailureReasons.SEPARATE, SHARED = FailureReasons.SHARED, RUNNING = FailureReasons.RUNNING,
                NOT_RUNNING = FailureReasons.NOT_RUNNING, NOT_MOUNTED = FailureReasons.NOT_MOUNTED,
                EXIT = FailureReasons.EXIT, OUTPUT = FailureReasons.OUTPUT, ERROR = FailureReasons.ERROR,
                WRONG_NAME = FailureReasons.WRONG_NAME, UNCHANGED = FailureReasons.UNCHANGED,
                CHANGED = FailureReasons.CHANGED, EXISTS = FailureReasons.EXISTS, MISSING = FailureReasons.MISSING,
                NO_MATCH = FailureReasons.NO_MATCH;
    }

    private static final long COMMAND_TIMEOUT_MILLIS = 5_000;
    private final ContainerView view;
    private final NetworkSteps network;
    private final KernelStateChecks state;

    CheckEvaluator(ContainerView view) {
        this.view = view;
        this.network = new NetworkSteps(view.sandbox());
        this.state = new KernelStateChecks(view);
    }

    CheckReport evaluate(List<Check> checks) {
        return new CheckReport(checks.stream().map(this::evaluate).toList());
    }

    CheckResult evaluate(Check check) {
        try {
            return switch (check) {
                case Check.HostnameCheck h -> hostname(h);
                case Check.NamespaceCheck n -> {
                    var container = view.containerNamespace(n.type());
                    var host = view.hostNamespace(n.type());
                    boolean differs = container.isPresent() && host.isPresent() && !container.equals(host);
                    yield result(n, differs == n.differs(), differs ? R.SEPARATE : R.SHARED, "container " + container.map(Object::toString).orElse("?")
                            + ", host " + host.map(Object::toString).orElse("?"));
                }
                case Check.InitCheck i -> {
                    boolean running = view.sandbox().initRunning();
                    yield result(i, running == i.running(), running ? R.RUNNING : R.NOT_RUNNING, running ? "init is running" : "no init running");
                }
                case Check.MountedCheck m -> {
                    var found = view.containerMounts().stream()
                            .filter(mp -> mp[0].equals(m.path()) && (m.type() == null || mp[1].equals(m.type())))
                            .findFirst();
                    yield result(m, found.isPresent(), R.NOT_MOUNTED, found.map(mp -> mp[1] + " mounted at " + mp[0])
                            .orElse("nothing" + (m.type() == null ? "" : " of type " + m.type()) + " mounted at " + m.path()));
                }
                case Check.CommandCheck c -> {
                    var run = view.sandbox().commands().run(c.run(), line -> { }, COMMAND_TIMEOUT_MILLIS);
                    String matched = c.output() == null ? null : matchedLine(run.output(), c.outputPattern());
                    boolean outputOk = c.output() == null || matched != null;
                    yield result(c, run.exitCode() == c.exit() && outputOk, run.exitCode() != c.exit() ? R.EXIT : R.OUTPUT,
                            run.status().describe() + (run.output().isBlank() ? ""
                                    : ": " + (matched != null ? clip(matched) : clip(String.join("; ", run.output().strip().lines().toList())))));
                }
                case Check.FileCheck f -> file(f);
                case Check.LinkCheck l -> network.link(l);
                case Check.AddressCheck a -> network.address(a);
                case Check.RouteCheck r -> network.route(r);
                case Check.PingCheck p -> network.ping(p);
                case Check.WhiteoutCheck w -> state.whiteout(w);
                case Check.CopiedUpCheck c -> state.copiedUp(c);
                case Check.OpaqueCheck o -> state.opaque(o);
                case Check.ZombiesCheck z -> state.zombies(z);
                case Check.ProcessCheck p -> state.process(p);
                case Check.CgroupValueCheck c -> {
                    String actual = CgroupValues.read(view.cgroups(), c.value());
                    boolean ok = c.is() != null ? actual.equals(c.is()) : Long.parseLong(actual) > c.above();
                    yield result(c, ok, c.value() + " is " + actual);
                }
                case Check.InCgroupCheck c -> {
                    var init = view.sandbox().initPid();
                    var members = view.cgroups().processes();
                    boolean in = init.isPresent() && members.contains(init.getAsInt());
                    yield result(c, in, view.cgroups().cgroup().isEmpty() ? "the lab has no cgroup yet"
                            : "cgroup.procs: " + (members.isEmpty() ? "empty" : members.toString()));
                }
            };
        } catch (SandboxException | SyscallException | IllegalStateException | jlab.cgroup.CgroupException e) {
            return new CheckResult(check.describe(), false, e.getMessage(), R.ERROR);
        }
    }

    private CheckResult hostname(Check.HostnameCheck h) {
        boolean container = h.where() == Check.Where.CONTAINER;
        String actual = container ? view.containerHostname() : view.hostHostname();
        if (h.is() != null) return result(h, actual.equals(h.is()), R.WRONG_NAME, "it is '" + actual + "'");
        boolean same = actual.equals(view.hostHostnameAtStart());
        return result(h, same == h.unchanged(), same ? R.UNCHANGED : R.CHANGED, "it is '" + actual + "'" + (same ? ", as at the start" : ""));
    }

    private CheckResult file(Check.FileCheck f) {
        var path = view.file(f.path());
        boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        if (!exists || f.contains() == null) {
            return result(f, exists == f.exists(), exists ? R.EXISTS : R.MISSING, exists ? f.path() + " exists" : f.path() + " does not exist");
        }
        try {
            String text = Files.readString(path, StandardCharsets.UTF_8);
            boolean contains = text.contains(f.contains());
            return result(f, contains == f.exists(), contains ? R.EXISTS : R.NO_MATCH, contains ? "found '" + f.contains() + "'" : "'" + f.contains() + "' not in it");
        } catch (IOException e) {
            return result(f, false, R.ERROR, "cannot read " + f.path() + ": " + e.getMessage());
        }
    }

    private static CheckResult result(Check check, boolean passed, String detail) {
        return new CheckResult(check.describe(), passed, detail);
    }

    /** @param reason why it failed, when it did */
    private static CheckResult result(Check check, boolean passed, String reason, String detail) {
        return new CheckResult(check.describe(), passed, detail, reason);
    }

    private static String clip(String line) {
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }

    /** The line of {@code output} where {@code pattern} first matches (what proves the check), or null. */
    static String matchedLine(String output, java.util.regex.Pattern pattern) {
        var m = pattern.matcher(output);
        if (!m.find()) return null;
        int start = output.lastIndexOf('\n', m.start() - 1) + 1;
        int end = output.indexOf('\n', m.start());
        return output.substring(start, end < 0 ? output.length() : end);
    }
}
