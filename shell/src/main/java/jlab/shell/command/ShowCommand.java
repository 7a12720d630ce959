package jlab.shell.command;

import java.util.ArrayList;
import java.util.List;

import jlab.engine.LabSession;
import jlab.engine.StepEvents;
import jlab.events.EventRecording;
import jlab.events.EventTimeline;
import jlab.inspect.Annotation;
import jlab.shell.AnnotationRenderer;
import jlab.shell.DidYouMean;
import jlab.shell.ShellException;
import jlab.shell.StepRenderer;

final class ShowCommand implements Command {

    static final String SYSCALLS = "syscalls";
    static final String EVENTS = "events";

    @Override public String name() { return "show"; }

    @Override public String usage() { return "show <what>"; }

    @Override public String summary() {
        return "kernel state now: namespaces, pids, mounts, net, cgroup, syscalls, … (`help show`)";
    }

    @Override public String help() {
        return """
                Shows what the kernel says right now, read from /proc and /sys:
                  show namespaces  the namespaces of the host and the container (also: show ns)
                  show pids        the container's processes, with their pids on both sides
                  show mounts      the mount table of the container's mount namespace
                  show uts         hostnames
                  show net         the lab's network namespaces, links, addresses and routes
                  show overlay     the overlay's layers, path by path (overlayfs lab)
                  show cgroup      the cgroup of the container's init: limits and counters
                  show syscalls    every system call jlab made since the lab started
                  show events      this step's fork, exec and exit events, as the kernel reported them""";
    }

    @Override public List<String> complete(int argIndex, CommandContext context) {
        if (argIndex != 0) return List.of();
        List<String> names = new ArrayList<>(List.of(SYSCALLS, EVENTS));
        if (context.hasSession()) names.addAll(context.session().inspectors());
        return names;
    }

    @Override public void run(List<String> args, CommandContext context) {
        LabSession s = context.session();
        List<String> known = new ArrayList<>(s.inspectors());
        known.add(SYSCALLS);
        known.add(EVENTS);
        if (args.size() != 1) throw new ShellException("usage: show " + String.join("|", known));
        String what = args.getFirst();
        if (what.equals(SYSCALLS)) {
            List<String> calls = s.syscalls();
            context.print(calls.isEmpty() ? List.of("no syscalls yet") : context.render().syscalls(calls));
            return;
        }
        if (what.equals(EVENTS)) {
            context.print(events(s, context));
            return;
        }
        Annotation shown;
        try {
            shown = s.show(what); // by name or alias (ns for namespaces)
        } catch (IllegalArgumentException unknown) {
            throw new ShellException("nothing called '" + what + "' to show"
                    + DidYouMean.suggest(what, known).map(m -> " (did you mean '" + m + "'?)")
                            .orElse(" " + context.style().dash() + " try " + String.join(", ", known)));
        }
        context.print(new AnnotationRenderer(context.style(), context.console().width()).render(shown));
    }

    /** The step's recordings, each a summary line and its timeline. */
    private static List<String> events(LabSession s, CommandContext context) {
        if (!(s instanceof StepEvents recorded)) throw new ShellException("this lab session records no process events");
        List<EventRecording> recordings = recorded.stepEvents();
        StepRenderer render = context.render();
        if (recordings.isEmpty()) {
            return render.wrapped("no process events recorded in this step yet " + context.style().dash()
                    + " they are recorded while the step's actions and your `!` commands run", "  ");
        }
        List<String> lines = new ArrayList<>();
        for (EventRecording r : recordings) {
            List<String> rendered = EventTimeline.render(r);
            lines.addAll(render.wrapped(context.style().bold(rendered.getFirst()), "  "));
            for (String line : rendered.subList(1, rendered.size())) lines.addAll(render.wrapped(line, "    "));
        }
        return lines;
    }
}
