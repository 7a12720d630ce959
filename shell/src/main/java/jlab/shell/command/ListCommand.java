package jlab.shell.command;

import java.util.ArrayList;
import java.util.List;

import jlab.shell.Labs.LabSummary;
import jlab.shell.ShellException;

final class ListCommand implements Command {

    @Override public String name() { return "list"; }

    @Override public List<String> aliases() { return List.of("labs"); }

    @Override public String usage() { return "list"; }

    @Override public String summary() { return "the labs you can start"; }

    @Override public String help() {
        return """
                Shows every lab with its id, title, number of steps and what it is about.
                Start one with `start <id>`.
                  list
                  start namespaces""";
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (!args.isEmpty()) throw new ShellException("usage: " + usage());
        List<LabSummary> labs = context.labs().list();
        if (labs.isEmpty()) {
            context.println("no labs found");
            return;
        }
        int w = labs.stream().mapToInt(l -> l.id().length()).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (LabSummary lab : labs) {
            String id = lab.id() + " ".repeat(w - lab.id().length());
            lines.add("  " + context.style().bold(id) + "  " + lab.title()
                    + context.style().dim(" (" + lab.steps() + " steps)")
                    + (lab.origin() == null ? "" : context.style().dim(" from " + lab.origin())));
            if (lab.summary() != null && !lab.summary().isBlank()) {
                lines.add("  " + " ".repeat(w) + "  " + context.style().dim(lab.summary()));
            }
        }
        context.print(lines);
    }
}
