package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;

import java.util.List;
import java.util.Optional;

/**
 * {@code yoy-projected-doubling}: a reported year-to-date figure (a period starting January 1), scaled by days in the
 * year / days covered (both inclusive), is at least factor x the previous full year. For 153 attacks in H1 2024 against
 * 121 in 2023: 153 x 366/182 = 307.7, ratio 2.54.
 *
 * <p>The key is the projected year: the first-half, nine-month and full-year figures of one year all judge the same
 * alert, through the figure that stands for the year (the one covering the most of it, among equals the most recently
 * published), so a revised-down full-year figure replaces a larger nine-month one. A full-year figure needs no
 * projection: it confirms or refutes an open projection (and may escalate or resolve it) but never opens one.
 *
 * <p>Only reported statistics are projected: a running tally of incidents is a count of what we happened to read, not
 * a measured share of the year.
 */
public record YoyProjectedDoubling(RuleBasics basics, RuleSettings settings) implements Rule {
    public static final String ID = "yoy-projected-doubling";

    public YoyProjectedDoubling(RuleSettings settings) {
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
        if (series.source() != SeriesKey.Source.STATISTIC || observations.isEmpty()) {
            return List.of();
        }
        // The year being judged is the year of the newest figure; its standing figure speaks for it.
        int year = observations.stream().map(Observation::period).max(Period::compareTo).orElseThrow().start().getYear();
        Optional<Observation> standing = YearOverYear.standingFigure(observations, year);
        if (standing.isEmpty()) {
            return List.of();
        }
        Observation current = standing.get();
        Period p = current.period();
        if (!YearOverYear.recent(current, settings.recencyDays()) || p.days() < settings.minDaysCovered()
                || !basics.corroborated(current)) {
            return List.of();
        }
        var base = YearOverYear.find(observations, Period.year(year - 1)).filter(b -> b.count() >= settings.minBaseline());
        if (base.isEmpty()) {
            return List.of();
        }
        double projectedExact = current.count() * (double) p.start().lengthOfYear() / p.days();
        double ratio = YearOverYear.ratio(projectedExact, base.get().count());
        Alert alert = new Alert(basics.id(), series, current, base.get(), (long) Math.floor(projectedExact), ratio,
                YearOverYear.severity(basics.severity(), ratio, settings.factor()), Period.year(year));
        return List.of(new Finding(alert, ratio >= settings.factor(), p.isYearToDate()));
    }
}
