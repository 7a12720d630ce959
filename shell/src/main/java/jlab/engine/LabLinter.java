package jlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jlab.engine.LabSession.CheckResult;
import jlab.lab.Lab;
import jlab.lab.Question;
import jlab.lab.Step;

/**
 * Proves a lab works by taking it, like rustlings' {@code dev check}: in a live session, every step's actions
 * succeed, every inspector it observes can show, every task fails its checks before the solution and passes
 * them after it, every quiz answer the lab declares is graded right (a text pattern excepted), every live
 * answer can be read from the kernel, and every prediction's {@code expect} lands within its tolerance of what
 * the kernel measures. Used by {@code jlab lint} and by the content test.
 */
public final class LabLinter {

    /** What lint found; {@code failures} empty means the lab is good. {@code passed} says what was proven. */
    public record Report(String labId, List<String> passed, List<String> failures) {
        public Report {
            passed = List.copyOf(passed);
            failures = List.copyOf(failures);
        }

        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private final List<String> passed = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private LabLinter() {}

    /** Walks {@code lab} step by step in {@code session}, a fresh session of that same lab; does not close it. */
    public static Report lint(Lab lab, LabSession session) {
        LabLinter linter = new LabLinter();
        if (session.stepCount() != lab.steps().size()) {
            linter.failures.add("the session has " + session.stepCount() + " steps, the lab " + lab.steps().size());
            return linter.report(lab);
        }
        for (int i = 0; i < lab.steps().size(); i++) linter.step(session, i, lab.steps().get(i));
        linter.quiz(session, "end-of-lab quiz", lab.quiz(), session.endQuiz());
        return linter.report(lab);
    }

    private Report report(Lab lab) {
        return new Report(lab.id(), passed, failures);
    }

    private void step(LabSession session, int index, Step step) {
        String where = "step " + (index + 1) + " (" + step.id() + ")";
        for (LabSession.QuestionView p : session.predictions(index)) {
            session.predict(p, rightAnswer(step.quiz().get(p.index())));
        }
        List<LabSession.Measured> measured = new ArrayList<>();
        StepOutcomeCheck entered = attempt(where + ": entering", () -> {
            var outcome = session.goTo(index);
            // A task left unsolved above (its failure is reported there): move on anyway, as a second `next` does.
            if (session.stepIndex() != index) outcome = session.goTo(index);
            measured.addAll(outcome.measured());
            return outcome.notes();
        });
        if (session.stepIndex() != index) {
            failures.add(where + ": the session did not get to this step; its inspectors, task and quiz were not tried");
            return;
        }
        if (entered.ok()) actionsSucceeded(where + ": actions", entered.notes(), step.actions().size());
        for (LabSession.Measured m : measured) predicted(where, m);
        for (String inspector : step.observe()) {
            if (attempt(where + ": inspector '" + inspector + "'", () -> {
                session.show(inspector);
                return List.of();
            }).ok()) {
                passed.add(where + ": inspector '" + inspector + "' shows");
            }
        }
        if (step.hasTask()) task(session, where);
        quiz(session, where, step.quiz(), session.quiz());
    }

    private void predicted(String where, LabSession.Measured m) {
        String what = where + ": prediction '" + m.ask() + "'";
        if (m.grade().correct()) {
            passed.add(what + ": expected " + m.predicted() + ", the kernel measured " + m.grade().expected());
        } else {
            failures.add(what + ": expected " + m.predicted() + ", but the kernel measured " + m.grade().expected()
                    + " (" + m.what() + "): fix `expect:` or `tolerance:`");
        }
    }

    private void task(LabSession session, String where) {
        try {
            var before = session.check();
            if (before.passed()) {
                failures.add(where + ": the unsolved task already passes its checks ("
                        + describe(before.results()) + "): the checks prove nothing");
            } else {
                passed.add(where + ": unsolved task fails its checks");
            }
            var solved = session.solve();
            actionsSucceeded(where + ": solution actions", solved.notes(), 1);
            List<CheckResult> failing = solved.checks().results().stream().filter(r -> !r.passed()).toList();
            if (!failing.isEmpty() || !solved.checks().passed()) {
                failures.add(where + ": after the solution these checks fail: " + describe(failing));
            } else {
                passed.add(where + ": solution passes every check (" + solved.checks().results().size() + ")");
            }
        } catch (RuntimeException e) {
            failures.add(where + ": task: " + message(e));
        }
    }

    private void quiz(LabSession session, String where, List<Question> quiz, List<LabSession.QuestionView> views) {
        for (int q = 0; q < quiz.size(); q++) {
            Question question = quiz.get(q);
            LabSession.QuestionView view = views.get(q);
            String what = where + ": question " + (q + 1);
            String answer = rightAnswer(question);
            try {
                if (question instanceof Question.Prediction) {
                    // Graded when its step ran, and reported then; here only a prediction that never got there.
                    if (view.settled() == null || !view.settled().predicted()) {
                        failures.add(what + ": the prediction was not asked when its step ran"
                                + (view.settled() == null ? "" : " (" + view.settled().text() + ")"));
                    }
                } else if (question instanceof Question.LiveQuestion live) {
                    session.answer(view, "-");
                    passed.add(what + ": live value " + live.key().text() + " can be read");
                } else if (answer == null) {
                    passed.add(what + ": pattern compiles (give it an `example:` and lint types that)");
                } else if (session.answer(view, answer).correct()) {
                    passed.add(what + ": the declared answer is graded right");
                } else {
                    failures.add(what + ": the declared answer '" + answer + "' is graded wrong");
                }
            } catch (RuntimeException e) {
                failures.add(what + ": " + (question instanceof Question.LiveQuestion l
                        ? "live value " + l.key().text() + " cannot be read: " : "") + message(e));
            }
        }
    }

    /** What a learner would type to answer right, or null for a pattern (no text is derived from a regex). */
    static String rightAnswer(Question question) {
        return switch (question) {
            case Question.SingleChoice c -> c.answer();
            // By number: choices may contain spaces and commas, which separate the learner's picks.
            case Question.MultipleChoice m -> IntStream.range(0, m.choices().size())
                    .filter(i -> m.answers().stream().anyMatch(a -> a.equalsIgnoreCase(m.choices().get(i))))
                    .mapToObj(i -> String.valueOf(i + 1)).collect(Collectors.joining(" "));
            case Question.Ordering o -> o.order().stream()
                    .map(item -> String.valueOf(o.choices().indexOf(item) + 1)).collect(Collectors.joining(" "));
            case Question.NumberQuestion n -> n.number() == Math.rint(n.number())
                    ? String.valueOf((long) n.number()) : String.valueOf(n.number());
            case Question.TextQuestion t -> t.example();
            case Question.LiveQuestion l -> null;
            case Question.Prediction p -> p.expect() == Math.rint(p.expect())
                    ? String.valueOf((long) p.expect()) : String.valueOf(p.expect());
        };
    }

    private void actionsSucceeded(String what, List<String> notes, int count) {
        List<String> failed = notes.stream().filter(n -> n.startsWith("✗")).toList();
        if (failed.isEmpty()) {
            if (count > 0) passed.add(what + " succeed");
        } else {
            failures.add(what + ": " + String.join("; ", failed));
        }
    }

    private record StepOutcomeCheck(boolean ok, List<String> notes) {}

    private StepOutcomeCheck attempt(String what, java.util.function.Supplier<List<String>> action) {
        try {
            return new StepOutcomeCheck(true, action.get());
        } catch (RuntimeException e) {
            failures.add(what + ": " + message(e));
            return new StepOutcomeCheck(false, List.of());
        }
    }

    private static String describe(List<CheckResult> results) {
        return results.stream().map(r -> r.description() + (r.detail() == null || r.detail().isBlank() ? ""
                : " [" + r.detail() + "]")).collect(Collectors.joining("; "));
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
