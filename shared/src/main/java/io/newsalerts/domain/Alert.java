package io.newsalerts.domain;

import java.util.List;
import java.util.Objects;

/**
 * A rule's finding about one series: the current figure against its baseline, with the evidence for both.
 *
 * @param rule      rule id ("yoy-projected-doubling")
 * @param series    what is counted
 * @param current   the figure that crossed the threshold
 * @param baseline  the figure it is compared with
 * @param projected current scaled to a full year, for projected rules; null otherwise
 * @param ratio     (projected or current) / baseline, rounded to two decimals
 * @param target    the period the alert is about (for a projection, the whole year being projected)
 * @param state     where the alert stands in its lifecycle (firing, escalated, resolved, silenced)
 */
public record Alert(
        String rule,
        SeriesKey series,
        Observation current,
        Observation baseline,
        Long projected,
        double ratio,
        Severity severity,
        Period target,
        AlertState state) {

    public Alert {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
    }

    /** A rule's finding before the lifecycle has judged it: firing. */
    public Alert(String rule, SeriesKey series, Observation current, Observation baseline, Long projected, double ratio,
                 Severity severity, Period target) {
        this(rule, series, current, baseline, projected, ratio, severity, target, AlertState.FIRING);
    }

    public Alert withState(AlertState newState) {
        return new Alert(rule, series, current, baseline, projected, ratio, severity, target, newState);
    }

    /** One alert per (rule, series, target period): the id every conditional write is keyed on. */
    public String id() {
        String basis = rule + "\n" + series.encode() + "\n" + target;
        return Ids.sha256Hex(basis, 12);
    }

    /** Evidence for the current figure first, then for the baseline, without repeats. */
    public List<Evidence> evidence() {
        return java.util.stream.Stream.concat(current.evidence().stream(), baseline.evidence().stream())
                .distinct().toList();
    }
}
