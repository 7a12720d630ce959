package jlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code --labs <dir>} options of the command line (repeatable, also {@code --labs=<dir>}), anywhere among
 * the arguments, and the arguments without them.
 */
record LabDirOptions(List<Path> directories, List<String> rest) {
    static final String OPTION = "--labs";

    LabDirOptions {
        directories = List.copyOf(directories);
        rest = List.copyOf(rest);
    }

    /** @throws IllegalArgumentException when {@code --labs} has no directory after it */
    static LabDirOptions parse(List<String> args) {
        List<Path> dirs = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(OPTION)) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new IllegalArgumentException("--labs needs a directory, like `--labs ~/my-labs`");
                }
                dirs.add(Path.of(args.get(++i)));
            } else if (arg.startsWith(OPTION + "=")) {
                String dir = arg.substring(OPTION.length() + 1);
                if (dir.isBlank()) throw new IllegalArgumentException("--labs needs a directory, like `--labs=~/my-labs`");
                dirs.add(Path.of(dir));
            } else {
                rest.add(arg);
            }
        }
        return new LabDirOptions(dirs, rest);
    }
}
