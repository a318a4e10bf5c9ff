package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.SeriesKey;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code yoy-doubling}: a period's count is at least factor x the count of the same span one year earlier
 * (year vs year, H1 vs H1, June vs June). Month-over-month jumps and two-year gaps are not compared.
 */
public final class YoyDoubling implements Rule {
    public static final String ID = "yoy-doubling";
    private final RuleSettings settings;

    public YoyDoubling(RuleSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Alert> evaluate(SeriesKey series, List<Observation> observations) {
        List<Alert> alerts = new ArrayList<>();
        for (Observation current : YearOverYear.latest(series, observations, settings)) {
            YearOverYear.find(observations, current.period().previousYear())
                    .filter(base -> base.count() >= settings.minBaseline())
                    .ifPresent(base -> {
                        double ratio = YearOverYear.ratio(current.count(), base.count());
                        if (ratio >= settings.factor()) {
                            alerts.add(new Alert(ID, series, current, base, null, ratio,
                                    YearOverYear.severity(ratio, settings.factor()), current.period()));
                        }
                    });
        }
        return alerts;
    }
}
