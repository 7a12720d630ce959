package jlab.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The rules a lab must follow beyond its shape: ids, lesson files, inspector names, quiz answers. Sandbox rules
 * (actions, checks, their order) are in {@link SandboxRules}. Every rule is checked; nothing stops at the first.
 */
final class LabValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Pattern KERNEL_VERSION = Pattern.compile("\\d+(\\.\\d+){0,2}");

    private final LabReader reader;
    private final YamlSource source;
    private final Problems problems;
    private final Path lessonRoot;
    private final Set<String> inspectors;

    LabValidator(LabReader reader, YamlSource source, Problems problems, Path lessonRoot, Set<String> inspectors) {
        this.reader = reader;
        this.source = source;
        this.problems = problems;
        this.lessonRoot = lessonRoot;
        this.inspectors = inspectors;
    }

    private Map<String, String> vars = Map.of();

    void validate(Lab lab, String fileId) {
        vars = lab.vars();
        if (lab.id() != null) {
            if (!ID.matcher(lab.id()).matches()) {
                report("/id", "a lab id may only contain a-z, 0-9 and '-'", null);
            } else if (!lab.id().equals(fileId)) {
                report("/id", "the lab id '" + lab.id() + "' differs from the file name '" + fileId + ".yaml'",
                        "write `id: " + fileId + "` or rename the file to " + lab.id() + ".yaml");
            }
        }
        if (source.at("/requires/kernel").isNumber()) {
            report("/requires/kernel", "a kernel version is text: 5.10 written bare would be read as 5.1",
                    "write `kernel: \"" + source.scalarText("/requires/kernel") + "\"`");
        } else if (lab.requires().kernel() != null && !KERNEL_VERSION.matcher(lab.requires().kernel()).matches()) {
            report("/requires/kernel", "'" + lab.requires().kernel() + "' is not a kernel version", "like \"5.8\"");
        }
        if (lab.steps().isEmpty() && source.at("/steps").isArray() && source.at("/steps").isEmpty() && !source.spliced()) {
            report("/steps", "a lab needs at least one step", null);
        }
        Map<String, String> firstById = new HashMap<>();
        for (Step step : lab.steps()) step(step, firstById);
        for (Question question : lab.quiz()) {
            String at = reader.pointerOf(question);
            if (question instanceof Question.Prediction) {
                report(at + "/answer/measure", "a prediction belongs to a step: it measures what the step's actions do,"
                        + " and the end-of-lab quiz runs none", "move it into the `quiz:` of the step whose actions it measures");
            }
            question(question, at);
        }
        new SandboxRules(reader, source, problems).validate(lab);
    }

    private void step(Step step, Map<String, String> firstById) {
        String at = reader.pointerOf(step);
        if (step.id() != null) {
            String first = firstById.putIfAbsent(step.id(), at);
            if (!ID.matcher(step.id()).matches()) {
                report(at + "/id", "a step id may only contain a-z, 0-9 and '-'",
                        "like '" + step.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "'");
            }
            if (first != null) {
                report(at + "/id", "duplicate step id '" + step.id() + "'",
                        "the first is at line " + source.positionOf(first + "/id", false).line());
            }
        }
        if (step.text() != null) lessonFile(step.text(), at + "/text");
        for (int i = 0; i < step.observe().size(); i++) {
            String name = step.observe().get(i);
            if (!inspectors.contains(name)) {
                report(at + "/observe/" + i, "unknown inspector '" + name + "'",
                        Suggestions.didYouMean(name, inspectors));
            }
        }
        if (step.hasTask()) {
            // A check or solution that is present but failed to load was reported already.
            if (step.checks().isEmpty() && source.at(at + "/check").isMissingNode()) {
                report(at + "/task", "a step with a task needs `check:` (how jlab knows it is done)", null);
            }
            if (step.solution().isEmpty() && source.at(at + "/solution").isMissingNode()) {
                report(at + "/task", "a step with a task needs `solution:` (for `solve` and the content tests)", null);
            }
        }
        for (Question question : step.quiz()) question(question, reader.pointerOf(question));
        reasonHints(step);
    }

    /** A {@code when:} names a reason one of the step's checks can fail with. */
    private void reasonHints(Step step) {
        java.util.Set<String> reasons = new java.util.LinkedHashSet<>();
        for (Check check : step.checks()) reasons.addAll(FailureReasons.of(check.keyword()));
        for (Step.ReasonHint hint : step.reasonHints()) {
            String at = reader.pointerOf(hint) + "/when";
            if (source.at(reader.pointerOf(step) + "/check").isMissingNode()) {
                report(at, "a hint with `when:` needs checks in its step: it is chosen by why one fails", null);
            } else if (!step.checks().isEmpty() && !reasons.contains(hint.when())) {
                report(at, "no check of this step fails with the reason '" + hint.when() + "'",
                        Suggestions.closest(hint.when(), reasons).map(s -> "did you mean '" + s + "'?")
                                .orElse("its checks fail with " + String.join(", ", reasons)));
            }
        }
    }

    private void lessonFile(String text, String at) {
        Path relative;
        try {
            relative = Path.of(text);
        } catch (InvalidPathException e) {
            report(at, "'" + text + "' is not a file name", null);
            return;
        }
        if (relative.isAbsolute() || text.isBlank() || Stream.of(text.split("/")).anyMatch(".."::equals)) {
            report(at, "a lesson file is a path inside lesson-content/, like namespaces/01-intro.md", null);
            return;
        }
        Path file = lessonRoot.resolve(relative);
        if (Files.isRegularFile(file)) {
            lessonVars(file);
            return;
        }
        report(at, "lesson file '" + text + "' not found in " + lessonRoot,
                Suggestions.closest(text, siblings(file)).map(s -> "did you mean '" + s + "'?").orElse(null));
    }

    /** Every {@code ${vars...}} in a lesson file must resolve; problems are placed in that file. */
    private void lessonVars(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return; // the engine shows "could not be read"; not a mistake in the lab
        }
        for (int i = 0; i < lines.size(); i++) {
            for (LabVars.Placeholder p : LabVars.placeholders(lines.get(i))) {
                try {
                    LabVars.evaluate(p.expression(), vars);
                } catch (IllegalArgumentException e) {
                    problems.add(new LabProblem(file, i + 1, p.offset() + 1, e.getMessage(), lines.get(i),
                            e.getCause() == null ? null : e.getCause().getMessage()));
                }
            }
        }
    }

    private List<String> siblings(Path file) {
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> lessonRoot.relativize(f).toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void question(Question question, String at) {
        if (question.attempts() < 1) report(at + "/attempts", "a question needs at least 1 attempt", null);
        switch (question) {
            case Question.SingleChoice q -> {
                choices(q.choices(), at);
                if (!q.choices().contains(q.answer())) {
                    report(at + "/answer", "the answer '" + q.answer() + "' is not one of the choices",
                            Suggestions.didYouMean(q.answer(), q.choices()));
                }
            }
            case Question.MultipleChoice q -> {
                choices(q.choices(), at);
                if (q.answers().isEmpty()) report(at + "/answer", "a multiple choice needs at least one answer", null);
                for (int i = 0; i < q.answers().size(); i++) {
                    String answer = q.answers().get(i);
                    if (!q.choices().contains(answer)) {
                        report(at + "/answer/" + i, "the answer '" + answer + "' is not one of the choices",
                                Suggestions.didYouMean(answer, q.choices()));
                    }
                }
            }
            case Question.Ordering q -> {
                choices(q.choices(), at);
                for (int i = 0; i < q.order().size(); i++) {
                    String item = q.order().get(i);
                    if (!q.choices().contains(item)) {
                        report(at + "/answer/order/" + i, "'" + item + "' in the order is not one of the choices",
                                Suggestions.didYouMean(item, q.choices()));
                    } else if (q.order().subList(0, i).contains(item)) {
                        report(at + "/answer/order/" + i, "'" + item + "' is in the order twice", null);
                    }
                }
                for (String choice : q.choices()) {
                    if (!q.order().contains(choice)) {
                        report(at + "/answer/order", "the choice '" + choice + "' is missing from the order: "
                                + "every choice appears in it exactly once", null);
                    }
                }
            }
            case Question.NumberQuestion q -> {
                if (q.tolerance() < 0) report(at + "/answer/tolerance", "a tolerance cannot be negative", null);
            }
            case Question.TextQuestion q -> {
                try {
                    Pattern.compile(q.pattern());
                    if (q.example() != null && !q.accepts(q.example())) {
                        report(at + "/answer/example", "the example '" + q.example() + "' does not match the pattern: "
                                + "jlab would grade it wrong", null);
                    }
                } catch (PatternSyntaxException e) {
                    report(at + "/answer/pattern", "the pattern is not a valid regular expression: "
                            + e.getDescription() + " near position " + e.getIndex(), null);
                }
            }
            case Question.LiveQuestion q -> { // the key, and that only a counter has a tolerance, were checked when read
                if (q.tolerance() < 0) report(at + "/answer/tolerance", "a tolerance cannot be negative", null);
            }
            case Question.Prediction q -> {
                if (q.tolerance() < 0) report(at + "/answer/tolerance", "a tolerance cannot be negative", null);
            }
        }
    }

    private void choices(List<String> choices, String at) {
        if (choices.size() < 2) report(at + "/choices", "a choice question needs at least two choices", null);
        for (int i = 0; i < choices.size(); i++) {
            String written = source.scalarText(at + "/choices/" + i);
            if ((choices.get(i).equals("true") || choices.get(i).equals("false"))
                    && written.matches("(?i)yes|no|on|off|y|n")) {
                report(at + "/choices/" + i, "YAML reads the unquoted " + written + " as " + choices.get(i),
                        "quote it: \"" + written + "\"");
            }
        }
        Set<String> seen = new HashSet<>();
        for (String choice : choices) {
            if (!seen.add(choice)) report(at + "/choices", "the choice '" + choice + "' is listed twice", null);
        }
    }

    private void report(String pointer, String message, String suggestion) {
        problems.add(source.problem(pointer, false, message, suggestion));
    }
}
