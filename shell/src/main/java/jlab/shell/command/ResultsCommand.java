package jlab.shell.command;

import java.time.Instant;
import java.util.List;

import jlab.shell.ResultsExport;

final class ResultsCommand implements Command {

    private static final List<String> OPTIONS = List.of("--json", "--junit", "--out");

    @Override public String name() { return "results"; }

    @Override public String usage() { return ResultsExport.USAGE; }

    @Override public String summary() { return "export your results for an instructor (JSON or JUnit XML)"; }

    @Override public String help() {
        return """
                Your results in every lab you started: tasks done, quiz answers, time spent.
                --json (the default) writes the versioned shape PROGRESS.md describes; --junit
                writes JUnit XML (one testsuite per lab, one testcase per task and question)
                for a CI server or learning platform. --out FILE writes to a file instead.
                  results --json
                  results --junit --out results.xml""";
    }

    @Override public List<String> complete(int argIndex, CommandContext context) {
        return OPTIONS;
    }

    @Override public void run(List<String> args, CommandContext context) {
        if (context.hasSession()) context.session().saveProgress();
        ResultsExport.run(args, context.labs().progress(), Instant.now(), context::println);
    }
}
