package jlab.shell.command;

import java.util.List;

import jlab.engine.CgroupControl;
import jlab.lab.CgroupNames;
import jlab.shell.AnnotationRenderer;
import jlab.shell.ShellException;

/** Shows the lab's cgroup, or sets one of its limits by its cgroup v2 name (translated on v1 hosts). */
final class CgroupCommand implements Command {

    @Override public String name() { return "cgroup"; }

    @Override public String usage() { return "cgroup [set <file> <value> | move init]"; }

    @Override public String summary() { return "show the lab's cgroup, or set cpu.max, memory.max, pids.max ..."; }

    @Override public String help() {
        return """
                cgroup                          shows the container's cgroup (like `show cgroup`)
                cgroup move init                moves the container's init (and later commands) into it
                cgroup set cpu.max 50000 100000 lets the group use 50% of one CPU
                cgroup set memory.max 32M       the OOM killer ends a process that needs more
                cgroup set pids.max 10          fork() fails with EAGAIN beyond 10 processes
                Files are named as on cgroup v2; on a v1 host jlab writes the v1 files instead
                (cpu.cfs_quota_us and cpu.cfs_period_us, memory.limit_in_bytes, ...) and says which.""";
    }

    @Override public List<String> complete(int argIndex, CommandContext context) {
        if (argIndex == 0) return List.of("set", "move");
        if (argIndex == 1) return java.util.stream.Stream.concat(CgroupNames.FILES.stream(), CgroupNames.WHO.stream()).toList();
        return List.of();
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (args.isEmpty()) {
            context.print(new AnnotationRenderer(context.style(), context.console().width()).render(context.session().show("cgroup")));
            return;
        }
        if (!(context.session() instanceof CgroupControl cgroups)) throw new ShellException("this lab has no cgroup");
        boolean set = args.getFirst().equals("set") && args.size() >= 3;
        boolean move = args.equals(List.of("move", "init"));
        if (!set && !move) throw new ShellException("usage: " + usage());
        try {
            if (move) cgroups.moveInitIntoCgroup().forEach(context::println);
            else cgroups.setCgroup(args.get(1), String.join(" ", args.subList(2, args.size())))
                    .forEach(line -> context.println("wrote " + line));
        } catch (RuntimeException e) {
            throw new ShellException(e.getMessage());
        }
        var report = context.session().check();
        if (!report.results().isEmpty()) {
            context.rememberChecks(report);
            context.print(context.render().checks(report));
        }
    }
}
