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

    /** {@code jlab new} into the repository's labs/. */
    static int run(Path home, List<String> args, PrintStream out, PrintStream err) {
        return run(home, home.resolve("labs"), args, out, err);
    }

    /**
     * {@code jlab [--labs <dir>] new <id>}: into {@code labsDir}, the first directory of the lab search path
     * (the first {@code --labs}, else the first of {@code $JLAB_LABS}, else the repository's labs/).
     */
    static int run(Path home, Path labsDir, List<String> args, PrintStream out, PrintStream err) {
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
        List<Path> written;
        try {
            written = create(home, labsDir, id, title);
        } catch (IllegalArgumentException | IOException e) {
            err.println("jlab new: " + e.getMessage());
            return 1;
        }
        written.forEach(p -> out.println("created " + p));
        boolean standard = labsDir.toAbsolutePath().normalize().equals(home.resolve("labs").toAbsolutePath().normalize());
        String labs = standard ? "" : "--labs " + labsDir + " ";
        out.println("""

                next: edit %2$s and %3$s, then
                  ./jlab validate %2$s    the shape, with file:line:col for every mistake
                  sudo ./jlab %4$slint %1$s             takes the lab for real: solutions pass, nothing left behind
                  sudo ./jlab %4$sstart %1$s            as a learner""".formatted(id,
                standard ? "labs/" + id + ".yaml" : written.getFirst().toString(),
                standard ? "lesson-content/" + id + "/" : written.get(1).getParent() + "/", labs));
        return 0;
    }

    /** Creates the lab and its lessons; returns the files written. */
    static List<Path> create(Path home, String id, String title) throws IOException {
        return create(home, home.resolve("labs"), id, title);
    }

    /**
     * Creates {@code <labsDir>/<id>.yaml} and its lessons in {@code lesson-content/<id>/} beside it (beside
     * labs/ for the repository's labs), where the loader looks for them. A lab outside the repository names
     * the shipped schema by its absolute path, so editors still find it.
     */
    static List<Path> create(Path home, Path labsDir, String id, String title) throws IOException {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a lab id is lower-case letters, digits and '-', like 'my-lab'; not '"
                    + id + "'");
        }
        labsDir = labsDir.toAbsolutePath().normalize();
        boolean standard = labsDir.equals(home.resolve("labs").toAbsolutePath().normalize());
        Path lab = labsDir.resolve(id + ".yaml");
        Path lessons = (standard ? home.resolve("lesson-content") : labsDir.resolve("lesson-content")).resolve(id);
        if (Files.exists(lab)) throw new IllegalArgumentException(lab + " exists already");
        if (Files.exists(lessons)) throw new IllegalArgumentException(lessons + " exists already");
        String heading = title == null ? "A new lab: " + id : title;
        if (heading.contains("\"") || heading.contains("\\")) {
            throw new IllegalArgumentException("write the title without quotes or backslashes; edit it in the file later");
        }
        List<Path> written = new ArrayList<>();
        Files.createDirectories(lab.getParent());
        String text = template("lab.yaml").replace("${id}", id).replace("${title}", heading);
        if (!standard) {
            text = text.replace("$schema=../shell/src/main/resources/lab.schema.json", "$schema="
                    + home.resolve("shell/src/main/resources/lab.schema.json").toAbsolutePath().normalize());
        }
        Files.writeString(lab, text);
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
