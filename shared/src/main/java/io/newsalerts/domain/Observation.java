package io.newsalerts.domain;

import java.util.List;

/**
 * One value of a series: a counter for a period (our tally of incidents) or a reported statistic's slot,
 * with the evidence that supports it.
 */
public record Observation(Period period, long count, List<Evidence> evidence) {
    public Observation {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public Observation(Period period, long count) {
        this(period, count, List.of());
    }
}
