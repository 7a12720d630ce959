package jlab.shell;

import java.util.ArrayList;
import java.util.List;

import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.CheckResult;
import jlab.engine.LabSession.Measured;
import jlab.engine.LabSession.StepOutcome;
import jlab.engine.LabSession.StepView;
import jlab.inspect.Annotation;

/**
 * Lays out what a step shows: header, lesson, the syscalls jlab made, command output, annotated tables,
 * notes, the task with its check state and the quiz prompt. Returns lines; the caller prints them.
 */
public final class StepRenderer {

    /** Prose longer than this is hard to read even on a wide terminal. */
    private static final int MAX_PROSE = 100;

    /** Continuation lines of a syscall start this far in, under its arguments. */
    private static final String CALL_INDENT = "      ";

    private final Style style;
    private final int width;
    /** Where jlab's own long lines break; 0 leaves them whole (see {@link Console#wrapWidth}). */
    private final int wrap;

    public StepRenderer(Style style, int width) {
        this(style, width, 0);
    }

    public StepRenderer(Style style, int width, int wrap) {
        this.style = style;
        this.width = Math.max(20, width);
        this.wrap = wrap;
    }

    public static StepRenderer of(Console console) {
        return new StepRenderer(console.style(), console.width(), console.wrapWidth());
    }

    public Style style() {
        return style;
    }

    public List<String> outcome(StepOutcome o, int stepCount, int quizQuestions) {
        List<String> out = new ArrayList<>(header(o.step(), stepCount));
        out.addAll(lesson(o.step().text()));
        if (!o.syscalls().isEmpty()) {
            out.add("");
            out.addAll(syscalls(o.syscalls()));
        }
        if (!o.output().isEmpty()) {
            out.add("");
            o.output().forEach(line -> out.add("  " + line));
        }
        AnnotationRenderer tables = new AnnotationRenderer(style, width);
        for (Annotation a : o.annotations()) {
            out.add("");
            out.addAll(annotation(tables, a, !o.syscalls().isEmpty()));
        }
        for (Measured m : o.measured()) {
            out.add("");
            out.addAll(measured(m));
        }
        if (!o.notes().isEmpty()) {
            out.add("");
            for (String note : o.notes()) out.addAll(markdown().lines("- " + note));
        }
        out.addAll(taskAndQuiz(o.step(), o.checks(), quizQuestions));
        return out;
    }

    /** A prediction against the kernel's measurement: the verdict, what was measured, the explanation. */
    public List<String> measured(Measured m) {
        List<String> out = new ArrayList<>(markdown().lines("**Prediction:** " + m.ask()));
        String measuredText = "the kernel measured " + style.bold(m.grade().expected());
        if (m.predicted() == null) {
            out.add("  " + style.cyan("not predicted " + style.dash() + " ") + measuredText);
        } else if (m.grade().correct()) {
            out.add("  " + style.green(style.tick() + " you predicted " + m.predicted()) + " " + style.dash() + " " + measuredText);
        } else {
            out.add("  " + style.red(style.cross() + " you predicted " + m.predicted()) + " " + style.dash() + " " + measuredText);
        }
        out.add(style.dim("  (" + m.what() + ")"));
        if (m.grade().explanation() != null && !m.grade().explanation().isBlank()) {
            new MarkdownRenderer(style, prose() - 2).lines(m.grade().explanation()).forEach(l -> out.add("  " + style.dim(l)));
        }
        return out;
    }

    /**
     * One inspector's table as a step shows it: after actions ({@code afterCalls}), a table they did not
     * change folds to one line (with its notes); a step that made no calls (the first look, or a revisit)
     * shows the state in full.
     */
    public List<String> annotation(AnnotationRenderer tables, Annotation a, boolean afterCalls) {
        boolean nothingToShow = a.rows().isEmpty() || (a.unchanged() && afterCalls);
        if (!nothingToShow) return tables.render(a);
        List<String> out = new ArrayList<>();
        out.add(tables.folded(a));
        for (String note : a.notes()) out.addAll(markdown().lines("- " + note));
        return out;
    }

    /** The step as it reads, without what its actions did: for {@code step} with no argument. */
    public List<String> step(StepView step, int stepCount, CheckReport checks, int quizQuestions) {
        List<String> out = new ArrayList<>(header(step, stepCount));
        out.addAll(lesson(step.text()));
        out.addAll(taskAndQuiz(step, checks, quizQuestions));
        return out;
    }

    public List<String> header(StepView step, int stepCount) {
        String title = "Step " + step.number() + "/" + stepCount
                + (step.title() == null || step.title().isBlank() ? "" : " " + style.dot() + " " + step.title());
        return List.of("", style.bold(title), style.dim(style.rule(Math.min(width, title.length()))));
    }

    private List<String> lesson(String text) {
        return text == null || text.isBlank() ? List.of() : markdown().lines(text);
    }

    private List<String> taskAndQuiz(StepView step, CheckReport checks, int quizQuestions) {
        List<String> out = new ArrayList<>();
        if (step.hasTask()) {
            out.add("");
            out.addAll(new MarkdownRenderer(style, prose()).lines("**Task:** " + step.task()));
            if (checks.results().isEmpty()) {
                out.add(style.dim("  type `check` when you think you are done, `hint` if stuck"));
            } else {
                out.addAll(checks(checks));
            }
        }
        if (step.hasQuiz() && quizQuestions > 0) {
            out.add("");
            out.add(quizLine(quizQuestions));
        }
        return out;
    }

    public String quizLine(int questions) {
        String noun = questions == 1 ? "question" : "questions";
        return style.cyan("quiz: " + questions + " " + noun + " " + style.dash() + " type `quiz`");
    }

    /** One line per check (continued under its description when long), then "task done" when all pass. */
    public List<String> checks(CheckReport report) {
        List<String> out = new ArrayList<>();
        for (CheckResult r : report.results()) {
            String detail = r.detail() == null || r.detail().isBlank() ? "" : " " + style.dash() + " " + r.detail();
            String mark = r.passed() ? style.tick() : style.cross();
            String line = r.passed()
                    ? "  " + style.green(mark + " " + r.description()) + style.dim(detail)
                    : "  " + style.red(mark + " " + r.description()) + detail;
            out.addAll(wrapped(line, " ".repeat(2 + mark.length() + 1)));
        }
        if (report.passed()) out.add(taskDone());
        return out;
    }

    public String taskDone() {
        return "  " + style.green(style.bold(style.tick() + " task done"));
    }

    /** strace-style lines, dimmed: the learner sees what jlab asked the kernel. */
    public List<String> syscalls(List<String> calls) {
        List<String> out = new ArrayList<>(calls.size());
        for (String c : calls) out.addAll(LineBreaker.wrap(style.dim("  " + c), wrap, CALL_INDENT, LineBreaker.Breaks.CALL));
        return out;
    }

    /** {@code line} broken at spaces to the terminal's width, continued after {@code indent}. */
    public List<String> wrapped(String line, String indent) {
        return LineBreaker.wrap(line, wrap, indent, LineBreaker.Breaks.WORDS);
    }

    public MarkdownRenderer markdown() {
        return new MarkdownRenderer(style, prose());
    }

    private int prose() {
        return Math.min(width, MAX_PROSE);
    }
}
