package jlab;

import java.nio.file.Path;
import java.util.List;

import jlab.lab.LabSearchPath;
import jlab.shell.JLineConsole;
import jlab.shell.Shell;

/** Opens the interactive shell on the real terminal. */
final class ShellLauncher {
    private ShellLauncher() {}

    static int open(Path home, List<String> initialCommands) {
        return open(home, LabSearchPath.standard(home), initialCommands);
    }

    static int open(Path home, LabSearchPath searchPath, List<String> initialCommands) {
        return open(home, searchPath, null, initialCommands);
    }

    /** @param watched a lab file to reload on save ({@code jlab start --watch}), or null */
    static int open(Path home, LabSearchPath searchPath, Path watched, List<String> initialCommands) {
        try (JLineConsole console = JLineConsole.open()) {
            // Notices come from other threads too (a watched lab file was saved) while the learner types.
            LabLibrary labs = LabLibrary.learner(home, console::printAbove, searchPath);
            if (watched != null) labs.watching(watched);
            new Shell(console, labs).run(initialCommands);
        }
        return 0;
    }
}
