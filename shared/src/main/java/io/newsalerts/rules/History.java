package io.newsalerts.rules;

import io.newsalerts.domain.Observation;

import java.util.List;

/**
 * Everything known about one series: its period counters and statistic slots, and (for incident tallies, when a rule
 * needs trailing-day windows) its per-day counts, each an observation of a single day.
 */
public record History(List<Observation> periods, List<Observation> days) {
    public History {
        periods = List.copyOf(periods);
        days = List.copyOf(days);
    }

    public static History of(List<Observation> periods) {
        return new History(periods, List.of());
    }
}
