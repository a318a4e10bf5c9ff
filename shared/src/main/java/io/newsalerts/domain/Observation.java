package io.newsalerts.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One value of a series: a counter for a period (our tally of incidents) or a reported statistic's slot,
 * with the evidence that supports it.
 *
 * @param reportedOn publication date of the newest article carrying this figure; null for incident tallies
 * @param sources    how many distinct sources carry it
 */
public record Observation(Period period, long count, List<Evidence> evidence, LocalDate reportedOn, int sources) {
    public Observation {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public Observation(Period period, long count, List<Evidence> evidence) {
        this(period, count, evidence, null, evidence == null ? 0 : evidence.size());
    }

    public Observation(Period period, long count) {
        this(period, count, List.of());
    }
}
