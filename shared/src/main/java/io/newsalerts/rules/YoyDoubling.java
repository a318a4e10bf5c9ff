package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Severity;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.SeriesKey;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code yoy-doubling}: a period's count is at least factor x the count of the same span one year earlier
 * (year vs year, H1 vs H1, June vs June). Month-over-month jumps and two-year gaps are not compared.
 * The factor is a parameter: 2 = doubling, 1.5 = a 50% rise.
 */
public record YoyDoubling(RuleBasics basics, RuleSettings settings) implements Rule {
    public static final String ID = "yoy-doubling";

    public YoyDoubling(RuleSettings settings) {
        this(RuleBasics.of(ID, Severity.MEDIUM), settings);
    }

    @Override
    public String kind() {
        return ID;
    }

    @Override
    public double strength() {
        return settings.factor();
    }

    @Override
    public List<Finding> judge(SeriesKey series, History history) {
        List<Observation> observations = history.periods();
        List<Finding> findings = new ArrayList<>();
        for (Observation current : YearOverYear.latest(series, observations, settings)) {
            if (!basics.corroborated(current)) {
                continue;
            }
            YearOverYear.find(observations, current.period().previousYear())
                    .filter(base -> base.count() >= settings.minBaseline())
                    .ifPresent(base -> {
                        double ratio = YearOverYear.ratio(current.count(), base.count());
                        Alert alert = new Alert(basics.id(), series, current, base, null, ratio,
                                YearOverYear.severity(basics.severity(), ratio, settings.factor()), current.period());
                        findings.add(Finding.of(alert, ratio >= settings.factor()));
                    });
        }
        return findings;
    }
}
