package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;

import java.util.Comparator;
import java.util.List;

/**
 * {@code new-actor-in-region}: the first incidents ever counted for a named actor in a region — the month of its first
 * incidents — number at least {@code minCount}. The key is that first
 * period, which later facts do not move, so the alert fires once; it never resolves (a first appearance stays one).
 *
 * <p>"Ever" is as far as the counters table knows, per event type: the table is partitioned by series (actor, regions,
 * event type), so an actor already seen kidnapping in a region is new again when first seen attacking there.
 *
 * <p>Incident tallies only: a reported statistic ("121 attacks in 2023") describes activity that was already going on,
 * so the first statistic we read about an actor is no sign that the actor is new there.
 */
public record NewActorInRegion(RuleBasics basics, long minCount) implements Rule {
    public static final String KIND = "new-actor-in-region";

    public NewActorInRegion {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be at least 1, got " + minCount);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double strength() {
        return minCount;
    }

    @Override
    public List<Finding> judge(SeriesKey series, History history) {
        if (series.source() != SeriesKey.Source.INCIDENTS || series.actor() == null
                || (series.regions().isEmpty() && series.area() == null) || history.periods().isEmpty()) {
            return List.of();
        }
        // The earliest month counter (its year and quarter counters start earlier, on January 1, and say less).
        var firstMonth = history.periods().stream()
                .filter(o -> "month".equals(YearOverYear.granularity(o.period())))
                .min(Comparator.comparing((Observation o) -> o.period().start()));
        if (firstMonth.isEmpty()) {
            return List.of();
        }
        Observation first = firstMonth.get();
        if (!basics.corroborated(first)) {
            return List.of();
        }
        Period before = new Period(first.period().start().minusYears(1), first.period().start().minusDays(1));
        // No earlier figure to compare with: the ratio is 0 by convention, so the alert never escalates by steps.
        Alert alert = new Alert(basics.id(), series, first, new Observation(before, 0), null, 0.0, basics.severity(),
                first.period());
        return List.of(Finding.of(alert, first.count() >= minCount));
    }
}
