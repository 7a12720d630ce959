package jlab.engine;

import java.util.List;
import java.util.Optional;

import jlab.engine.LabSession.CheckResult;
import jlab.lab.Action;
import jlab.lab.Check;
import jlab.lab.FailureReasons;
import jlab.lab.NetPlace;
import jlab.net.Ipv4;
import jlab.net.LabSubnet;
import jlab.net.Link;
import jlab.net.Rtnetlink;
import jlab.sandbox.LabNetwork;
import jlab.sandbox.Sandbox;

/** The network lab's actions and checks, over the sandbox's {@link LabNetwork}: one method per kind. */
final class NetworkSteps {
    private static final long PING_TIMEOUT_MILLIS = 5_000;
    private static final int PING_ATTEMPTS = 3;

    private final Sandbox sandbox;

    NetworkSteps(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    private LabNetwork net() { return sandbox.network(); }

    private Rtnetlink in(NetPlace place) { return net().in(place(place)); }

    static LabNetwork.Place place(NetPlace place) { return LabNetwork.Place.valueOf(place.name()); }

    private Ipv4 host(int host) { return net().subnet().host(host); }

    /** Runs a network action; a refusal to touch the host's namespace comes back as a SandboxException. */
    void run(Action action, List<String> notes) {
        try {
            perform(action, notes);
        } catch (IllegalStateException e) {
            throw new jlab.sandbox.SandboxException(e.getMessage());
        }
    }

    private void perform(Action action, List<String> notes) {
        switch (action) {
            case Action.Veth v -> in(v.where()).createVeth(v.name(), v.peer());
            case Action.Bridge b -> in(b.where()).createBridge(b.name());
            case Action.MoveLink m -> net().moveLink(m.link(), place(m.from()), place(m.to()));
            case Action.Enslave e -> in(e.where()).setMaster(e.link(), e.bridge());
            case Action.LinkUp u -> in(u.where()).setUp(u.link(), u.up());
            case Action.AddAddress a -> {
                in(a.where()).addAddress(a.link(), host(a.host()), LabSubnet.PREFIX);
                notes.add(a.link() + " in " + a.where().name().toLowerCase() + " now has " + host(a.host()) + "/" + LabSubnet.PREFIX
                        + " (this session's subnet is " + net().subnet() + ")");
            }
            case Action.DefaultRoute r -> in(r.where()).replaceDefaultRoute(host(r.via()));
            default -> throw new IllegalArgumentException(action.keyword() + " is not a network action");
        }
    }

    CheckResult link(Check.LinkCheck c) {
        Optional<Link> link = in(c.where()).link(c.name());
        if (link.isEmpty()) return result(c, !c.exists(), FailureReasons.MISSING, "no link " + c.name() + " in " + c.where().name().toLowerCase());
        if (!c.exists()) return result(c, false, FailureReasons.EXISTS, c.name() + " exists (index " + link.get().index() + ")");
        Link l = link.get();
        boolean stateOk = c.state() == null || (c.state() == Check.LinkState.UP) == l.up();
        Optional<String> master = l.master().flatMap(i -> in(c.where()).links().stream()
                .filter(x -> x.index() == i).map(Link::name).findFirst());
        boolean masterOk = c.master() == null || master.equals(Optional.of(c.master()));
        String reason = !stateOk ? (l.up() ? FailureReasons.UP : FailureReasons.DOWN) : FailureReasons.WRONG_MASTER;
        return result(c, stateOk && masterOk, reason, l.name() + " is <" + l.flagText() + ">" + master.map(m -> ", master " + m).orElse(""));
    }

    CheckResult address(Check.AddressCheck c) {
        Rtnetlink rt = in(c.where());
        Optional<Link> link = rt.link(c.link());
        if (link.isEmpty()) return result(c, false, FailureReasons.MISSING, "no link " + c.link() + " in " + c.where().name().toLowerCase());
        Ipv4 wanted = host(c.host());
        var mine = rt.addresses().stream().filter(a -> a.index() == link.get().index()).toList();
        boolean found = mine.stream().anyMatch(a -> a.local().equals(wanted) && a.prefixLength() == LabSubnet.PREFIX);
        if (mine.isEmpty()) {
            return result(c, false, FailureReasons.NO_ADDRESS, c.link() + " has no IPv4 address (wanted " + wanted + "/24)");
        }
        // another address besides would answer for a host of the lab that comes later (blue's .3, say)
        boolean only = found && mine.size() == 1;
        return result(c, only, found ? FailureReasons.EXTRA_ADDRESS : FailureReasons.WRONG_ADDRESS,
                c.link() + " has " + String.join(", ", mine.stream().map(jlab.net.Address::cidr).toList()));
    }

    CheckResult route(Check.RouteCheck c) {
        Ipv4 via = host(c.via());
        Rtnetlink where = in(c.where());
        var defaults = where.routes().stream().filter(jlab.net.Route::isDefault).toList();
        boolean found = defaults.stream().anyMatch(r -> r.gateway().equals(Optional.of(via)));
        if (defaults.isEmpty()) return result(c, false, FailureReasons.NO_ROUTE, "no default route");
        // as `ip route` prints them: default via 10.1.2.1 dev eth0, or default dev eth0 (no gateway)
        var names = new java.util.HashMap<Integer, String>();
        where.links().forEach(l -> names.put(l.index(), l.name()));
        return result(c, found, FailureReasons.WRONG_ROUTE, String.join(", ", defaults.stream()
                .map(r -> r.text() + (names.containsKey(r.outIndex()) ? " dev " + names.get(r.outIndex()) : "")).toList()));
    }

    /** busybox ping inside the container, a few times: the first packet may wait for ARP. */
    CheckResult ping(Check.PingCheck c) {
        if (c.from() != NetPlace.RED) return result(c, false, "commands run only in the container (red)");
        String target = host(c.to()).toString();
        String last = "";
        for (int i = 0; i < PING_ATTEMPTS; i++) {
            var run = sandbox.commands().run(List.of("ping", "-c", "1", "-W", "1", target), line -> { }, PING_TIMEOUT_MILLIS);
            if (run.exitCode() == 0) return result(c, true, "answer from " + target);
            last = run.output().strip().lines().reduce((a, b) -> b).orElse(run.status().describe());
        }
        return result(c, false, FailureReasons.NO_ANSWER, "no answer from " + target + (last.isEmpty() ? "" : ": " + last));
    }

    private static CheckResult result(Check check, boolean passed, String detail) {
        return new CheckResult(check.describe(), passed, detail);
    }

    private static CheckResult result(Check check, boolean passed, String reason, String detail) {
        return new CheckResult(check.describe(), passed, detail, reason);
    }
}
