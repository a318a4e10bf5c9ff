package io.newsalerts.counting;

import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counting rules.
 *
 * <p>Incidents are counted per series and day: within one article, incidents of the same series on the same day add
 * up (the article reports that many); across articles, a day keeps the largest count any article gave it, because
 * two outlets reporting Tuesday's drone attack are reporting one attack. A day's count then flows into the calendar
 * counters of its year, quarter and month.
 *
 * <p>A reported statistic fills one slot per (series, period) and is never added to anything.
 */
public final class Tally {

    /** How many incidents of one series one article reports on one day. */
    public record DayCount(SeriesKey series, LocalDate day, long count) {
    }

    /** One reported figure for one slot. */
    public record Statistic(SeriesKey series, Period period, Fact fact) {
    }

    /** What one article's facts do to the counters. */
    public record Plan(List<DayCount> days, List<Statistic> statistics) {
        public boolean isEmpty() {
            return days.isEmpty() && statistics.isEmpty();
        }
    }

    private Tally() {
    }

    public static Plan plan(List<Fact> facts) {
        Map<String, DayCount> days = new LinkedHashMap<>();
        List<Statistic> statistics = new ArrayList<>();
        for (Fact f : facts) {
            if (f.kind() == FactKind.REPORTED) {
                statistics.add(new Statistic(f.seriesKey(), f.period(), f));
                continue;
            }
            for (SeriesKey k : incidentSeries(f)) {
                DayCount d = new DayCount(k, f.period().start(), f.count());
                days.merge(k.encode() + "#" + d.day(), d, (a, b) -> new DayCount(a.series(), a.day(), a.count() + b.count()));
            }
        }
        return new Plan(List.copyOf(days.values()), List.copyOf(statistics));
    }

    /** An incident counts in each region it happened in (or in its area when it is in no country). */
    static List<SeriesKey> incidentSeries(Fact incident) {
        if (incident.regions().isEmpty()) {
            return List.of(new SeriesKey(SeriesKey.Source.INCIDENTS, incident.actor(), List.of(), incident.eventType(), incident.area()));
        }
        List<SeriesKey> keys = new ArrayList<>();
        for (String region : incident.regions()) {
            keys.add(new SeriesKey(SeriesKey.Source.INCIDENTS, incident.actor(), List.of(region), incident.eventType(), null));
        }
        return keys;
    }

    /** The calendar counters a day's incidents go into: its year, quarter and month. */
    public static List<Period> calendarPeriods(LocalDate day) {
        return List.of(
                Period.year(day.getYear()),
                Period.quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1),
                Period.month(day.getYear(), day.getMonthValue()));
    }
}
