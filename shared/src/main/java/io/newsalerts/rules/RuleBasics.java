package io.newsalerts.rules;

import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Severity;

import java.util.Objects;

/**
 * What every rule has besides its kind's parameters.
 *
 * @param severity   the severity of its alerts (year-over-year rules raise it one level at 1.5 x their factor)
 * @param minSources a figure must be carried by at least this many distinct sources before the rule judges it
 */
public record RuleBasics(String id, Scope scope, Severity severity, int minSources) {
    public RuleBasics {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(severity, "severity");
        if (minSources < 1) {
            throw new IllegalArgumentException("minSources must be at least 1, got " + minSources);
        }
    }

    static RuleBasics of(String id, Severity severity) {
        return new RuleBasics(id, Scope.ALL, severity, 1);
    }

    /**
     * Is this figure corroborated enough? Incident tallies count the sources that added to them; a figure whose
     * source count is unknown (0) passes only a rule that asks for a single source.
     */
    boolean corroborated(Observation o) {
        return minSources <= 1 || o.sources() >= minSources;
    }
}
