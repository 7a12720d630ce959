package jlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code jlab new <id> [--title "…"]}: writes {@code labs/<id>.yaml} and {@code lesson-content/<id>/} from the
 * template in the jar (three steps: namespaces and an init with a live question, a task with checks and hints,
 * a closing quiz), which passes {@code validate} and {@code lint} as written. Never overwrites anything.
 */
final class Scaffolding {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String TEMPLATE = "/jlab/template/";
    static final List<String> LESSONS = List.of("01-container.md", "02-hostname.md", "03-done.md");

    private Scaffolding() {}

    static int run(Path home, List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        String title = null;
        int t = rest.indexOf("--title");
        if (t >= 0 && t + 1 < rest.size()) {
            title = rest.get(t + 1);
            rest.subList(t, t + 2).clear();
        }
        if (rest.size() != 1 || rest.getFirst().startsWith("-")) {
            err.println("usage: jlab new <id> [--title \"What the lab is about\"]");
            return 2;
        }
        String id = rest.getFirst();
        try {
            create(home, id, title).forEach(p -> out.println("created " + p));
        } catch (IllegalArgumentException | IOException e) {
            err.println("jlab new: " + e.getMessage());
            return 1;
        }
        out.println("""

                next: edit labs/%1$s.yaml and lesson-content/%1$s/, then
                  ./jlab validate labs/%1$s.yaml    the shape, with file:line:col for every mistake
                  sudo ./jlab lint %1$s             takes the lab for real: solutions pass, nothing left behind
                  sudo ./jlab start %1$s            as a learner""".formatted(id));
        return 0;
    }

    /** Creates the lab and its lessons; returns the files written. */
    static List<Path> create(Path home, String id, String title) throws IOException {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a lab id is lower-case letters, digits and '-', like 'my-lab'; not '"
                    + id + "'");
        }
        Path lab = home.resolve("labs").resolve(id + ".yaml");
        Path lessons = home.resolve("lesson-content").resolve(id);
        if (Files.exists(lab)) throw new IllegalArgumentException(lab + " exists already");
        if (Files.exists(lessons)) throw new IllegalArgumentException(lessons + " exists already");
        String heading = title == null ? "A new lab: " + id : title;
        if (heading.contains("\"") || heading.contains("\\")) {
            throw new IllegalArgumentException("write the title without quotes or backslashes; edit it in the file later");
        }
        List<Path> written = new ArrayList<>();
        Files.createDirectories(lab.getParent());
        Files.writeString(lab, template("lab.yaml").replace("${id}", id).replace("${title}", heading));
        written.add(lab);
        Files.createDirectories(lessons);
        for (String lesson : LESSONS) {
            Path file = lessons.resolve(lesson);
            Files.writeString(file, template(lesson));
            written.add(file);
        }
        return written;
    }

    private static String template(String name) throws IOException {
        try (InputStream in = Scaffolding.class.getResourceAsStream(TEMPLATE + name)) {
            if (in == null) throw new IOException("the jar lacks the template " + TEMPLATE + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
