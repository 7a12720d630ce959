package jlab.lab;

import java.nio.file.Path;

/**
 * One mistake in a lab file. {@code line} and {@code column} are 1-based (0 when the mistake has no place, like a
 * missing file); {@code excerpt} is the offending line of YAML (or null); {@code suggestion} (or null) is what to
 * do, such as "did you mean 'unshare'?".
 */
public record LabProblem(Path file, int line, int column, String message, String excerpt, String suggestion) {

    /** {@code labs/x.yaml:14:7: unknown action 'unshar' (did you mean 'unshare'?)} */
    public String headline() {
        String where = line > 0 ? file + ":" + line + ":" + column : String.valueOf(file);
        return where + ": " + message + (suggestion == null ? "" : " (" + suggestion + ")");
    }

    /** The headline, then the offending line and a caret under the column, like a compiler. */
    public String render() {
        if (excerpt == null || line <= 0) return headline();
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1; i++) caret.append(i < excerpt.length() && excerpt.charAt(i) == '\t' ? '\t' : ' ');
        return headline() + "\n" + excerpt + "\n" + caret + "^";
    }
}
