package jlab.shell.command;

import java.util.ArrayList;
import java.util.List;

import jlab.engine.LabSession;
import jlab.shell.AnnotationRenderer;
import jlab.shell.DidYouMean;
import jlab.shell.ShellException;

final class ShowCommand implements Command {

    static final String SYSCALLS = "syscalls";

    @Override public String name() { return "show"; }

    @Override public String usage() { return "show <what>"; }

    @Override public String summary() { return "show kernel state now: ns, pids, mounts, uts, syscalls"; }

    @Override public String help() {
        return """
                Shows what the kernel says right now, read from /proc and /sys:
                  show ns          the namespaces of the host and the container
                  show pids        the container's processes, with their pids on both sides
                  show mounts      the container's mount table
                  show uts         hostnames
                  show syscalls    every system call jlab made since the lab started""";
    }

    @Override public List<String> complete(int argIndex, CommandContext context) {
        if (argIndex != 0) return List.of();
        List<String> names = new ArrayList<>(List.of(SYSCALLS));
        if (context.hasSession()) names.addAll(context.session().inspectors());
        return names;
    }

    @Override public void run(List<String> args, CommandContext context) {
        LabSession s = context.session();
        List<String> known = new ArrayList<>(s.inspectors());
        known.add(SYSCALLS);
        if (args.size() != 1) throw new ShellException("usage: show " + String.join("|", known));
        String what = args.getFirst();
        if (what.equals(SYSCALLS)) {
            List<String> calls = s.syscalls();
            context.print(calls.isEmpty() ? List.of("no syscalls yet") : context.render().syscalls(calls));
            return;
        }
        if (!known.contains(what)) {
            throw new ShellException("nothing called '" + what + "' to show"
                    + DidYouMean.suggest(what, known).map(m -> " (did you mean '" + m + "'?)")
                            .orElse(" " + context.style().dash() + " try " + String.join(", ", known)));
        }
        context.print(new AnnotationRenderer(context.style(), context.console().width()).render(s.show(what)));
    }
}
