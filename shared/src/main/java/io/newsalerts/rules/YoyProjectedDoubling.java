package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;

import java.util.List;

/**
 * {@code yoy-projected-doubling}: a reported year-to-date figure (a period starting January 1), scaled by days in the
 * year / days covered (both inclusive), is at least factor x the previous full year. For 153 attacks in H1 2024 against
 * 121 in 2023: 153 x 366/182 = 307.7, ratio 2.54.
 *
 * <p>Only reported statistics are projected: a running tally of incidents is a count of what we happened to read, not
 * a measured share of the year.
 */
public final class YoyProjectedDoubling implements Rule {
    public static final String ID = "yoy-projected-doubling";
    private final RuleSettings settings;

    public YoyProjectedDoubling(RuleSettings settings) {
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Alert> evaluate(SeriesKey series, List<Observation> observations) {
        if (series.source() != SeriesKey.Source.STATISTIC) {
            return List.of();
        }
        for (Observation current : YearOverYear.latest(series, observations, settings)) {
            Period p = current.period();
            if (!p.isYearToDate() || p.days() < settings.minDaysCovered()) {
                continue;
            }
            int year = p.start().getYear();
            var base = YearOverYear.find(observations, Period.year(year - 1))
                    .filter(b -> b.count() >= settings.minBaseline());
            if (base.isEmpty()) {
                continue;
            }
            double projectedExact = current.count() * (double) p.start().lengthOfYear() / p.days();
            double ratio = YearOverYear.ratio(projectedExact, base.get().count());
            if (ratio >= settings.factor()) {
                return List.of(new Alert(ID, series, current, base.get(), (long) Math.floor(projectedExact), ratio,
                        YearOverYear.severity(ratio, settings.factor()), Period.year(year)));
            }
        }
        return List.of();
    }
}
