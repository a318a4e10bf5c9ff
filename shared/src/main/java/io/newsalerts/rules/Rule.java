package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.SeriesKey;

import java.util.List;

/** A detection rule: given everything known about one series, its judgement of each key it looks at. */
public interface Rule {
    /** What every rule has, whatever its kind: id, scope, severity and minimum sources. */
    RuleBasics basics();

    /** The rule's id in the rules file; alerts carry it as their {@code rule}. */
    default String id() {
        return basics().id();
    }

    /** The kind of test (yoy-doubling, threshold, ...). */
    String kind();

    /** Ranks rules of one kind: on one key, a firing stronger rule suppresses a weaker one (factor 2 over 1.5). */
    double strength();

    default Scope scope() {
        return basics().scope();
    }

    /** Does the rule read per-day counts (trailing-day windows)? Detection loads them only then. */
    default boolean needsDays() {
        return false;
    }

    List<Finding> judge(SeriesKey series, History history);

    /** The alerts this rule alone would open now. */
    default List<Alert> evaluate(SeriesKey series, List<Observation> observations) {
        return judge(series, History.of(observations)).stream()
                .filter(f -> f.fires() && f.mayOpen()).map(Finding::alert).toList();
    }
}
