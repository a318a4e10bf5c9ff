package io.newsalerts.rules;

import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the year-over-year rules share: which periods count as "latest", the ratio, the severity. */
final class YearOverYear {

    private YearOverYear() {
    }

    /**
     * The observations a rule may judge. A reported statistic series is judged on its single latest period, and only
     * if that figure was still recent when published (an article recounting 2016 vs 2017 is history, not news).
     * An incident tally is judged on its latest year, latest quarter and latest month.
     */
    static List<Observation> latest(SeriesKey series, List<Observation> observations, RuleSettings settings) {
        if (observations.isEmpty()) {
            return List.of();
        }
        if (series.source() == SeriesKey.Source.STATISTIC) {
            Observation newest = observations.stream().max(Comparator.comparing(Observation::period)).orElseThrow();
            return recent(newest, settings.recencyDays()) ? List.of(newest) : List.of();
        }
        Map<String, Optional<Observation>> byGranularity = observations.stream().collect(Collectors.groupingBy(
                o -> granularity(o.period()), Collectors.maxBy(Comparator.comparing(Observation::period))));
        List<Observation> out = new ArrayList<>();
        byGranularity.values().forEach(o -> o.ifPresent(out::add));
        out.sort(Comparator.comparing(Observation::period));
        return out;
    }

    static String granularity(Period p) {
        if (p.isCalendarYear()) {
            return "year";
        }
        String label = p.label();
        if (label.startsWith("Q")) {
            return "quarter";
        }
        return p.days() <= 31 && p.start().getDayOfMonth() == 1 ? "month" : "other";
    }

    static Optional<Observation> find(List<Observation> observations, Period period) {
        return observations.stream().filter(o -> o.period().equals(period)).findFirst();
    }

    /** Ratio rounded half-up to two decimals; the threshold is compared with this rounded value. */
    static double ratio(double current, long baseline) {
        return BigDecimal.valueOf(current / baseline).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Medium when the factor is met; high when the ratio reaches one and a half times the factor (x3 for a doubling). */
    static Severity severity(double ratio, double factor) {
        return severity(Severity.MEDIUM, ratio, factor);
    }

    /** The rule's severity, one level higher when the ratio reaches one and a half times the factor. */
    static Severity severity(Severity base, double ratio, double factor) {
        if (ratio < factor * 1.5 || base == Severity.HIGH) {
            return base;
        }
        return Severity.values()[base.ordinal() + 1];
    }

    /**
     * The figure that stands for a year: among the statistics of that year that start on January 1 (year-to-date or
     * the full year), the one covering the most days; among equals the most recently published.
     */
    static Optional<Observation> standingFigure(List<Observation> observations, int year) {
        return observations.stream()
                .filter(o -> o.period().start().equals(java.time.LocalDate.of(year, 1, 1))
                        && (o.period().isYearToDate() || o.period().isCalendarYear()))
                .max(Comparator.<Observation>comparingLong(o -> o.period().days())
                        .thenComparing(o -> o.reportedOn(), Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    static boolean recent(Observation o, int recencyDays) {
        return o.reportedOn() == null || !o.period().end().isBefore(o.reportedOn().minusDays(recencyDays));
    }

}
