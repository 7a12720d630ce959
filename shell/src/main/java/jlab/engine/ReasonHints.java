package jlab.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jlab.engine.LabSession.CheckReport;
import jlab.engine.LabSession.CheckResult;
import jlab.lab.Step;

/**
 * Picks the hint that fits why the task fails now: the first {@code { when: <reason> }} hint of the step whose
 * reason a failing check states, each shown once per step; after it (or without one) the escalating hints
 * go on as before.
 */
final class ReasonHints {
    private final Set<String> shown = new HashSet<>();

    /** The reason-matched hint for step {@code stepIndex} given its checks' {@code report}, if one is due. */
    Optional<String> next(int stepIndex, Step step, CheckReport report) {
        if (step.reasonHints().isEmpty()) return Optional.empty();
        List<String> failing = report.results().stream().filter(r -> !r.passed()).map(CheckResult::reason).toList();
        for (Step.ReasonHint hint : step.reasonHints()) {
            if (failing.contains(hint.when()) && shown.add(stepIndex + "\u0000" + hint.when() + "\u0000" + hint.text())) {
                return Optional.of(hint.text());
            }
        }
        return Optional.empty();
    }
}
