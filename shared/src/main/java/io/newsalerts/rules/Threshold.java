package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code threshold}: at least {@code count} events in a window — the latest calendar month, quarter or year of the
 * series, or the trailing {@code days} days ending on the latest day with incidents (incident tallies only, from the
 * per-day counts).
 *
 * <p>A calendar window is its own key. A trailing window moves every day, so its key is the calendar month the window
 * ends in: one alert per series and month, which resolves when the trailing count falls below the threshold again.
 * The ratio is count / threshold, so the alert escalates at twice (three times, ...) the threshold.
 */
public record Threshold(RuleBasics basics, long count, Window window, int days, int recencyDays) implements Rule {
    public static final String KIND = "threshold";

    public enum Window { MONTH, QUARTER, YEAR, DAYS }

    public Threshold {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        if (window == Window.DAYS && days < 1) {
            throw new IllegalArgumentException("a trailing window needs days of at least 1, got " + days);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public double strength() {
        return count;
    }

    @Override
    public boolean needsDays() {
        return window == Window.DAYS;
    }

    @Override
    public List<Finding> judge(SeriesKey series, History history) {
        return window == Window.DAYS ? trailing(series, history.days()) : calendar(series, history.periods());
    }

    private List<Finding> calendar(SeriesKey series, List<Observation> periods) {
        String granularity = window.name().toLowerCase(java.util.Locale.ROOT);
        RuleSettings latestOf = new RuleSettings(2.0, 1, 0, recencyDays);
        List<Finding> out = new ArrayList<>();
        for (Observation o : YearOverYear.latest(series, periods, latestOf)) {
            if (granularity.equals(YearOverYear.granularity(o.period())) && basics.corroborated(o)) {
                out.add(finding(series, o, o.period()));
            }
        }
        return out;
    }

    private List<Finding> trailing(SeriesKey series, List<Observation> dayCounts) {
        if (series.source() != SeriesKey.Source.INCIDENTS || dayCounts.isEmpty()) {
            return List.of();
        }
        LocalDate end = dayCounts.stream().map(o -> o.period().end()).max(LocalDate::compareTo).orElseThrow();
        Period span = new Period(end.minusDays(days - 1L), end);
        long total = dayCounts.stream().filter(o -> span.contains(o.period().start())).mapToLong(Observation::count).sum();
        return List.of(finding(series, new Observation(span, total), Period.month(end.getYear(), end.getMonthValue())));
    }

    private Finding finding(SeriesKey series, Observation current, Period target) {
        double ratio = YearOverYear.ratio(current.count(), count);
        Alert alert = new Alert(basics.id(), series, current, new Observation(current.period(), count), null, ratio,
                basics.severity(), target);
        return Finding.of(alert, current.count() >= count);
    }
}
