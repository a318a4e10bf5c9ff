package io.newsalerts.counting;

import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Counting rules. Incidents add to counters per actor x region x calendar period (year, quarter, month); a
 * reported statistic fills one slot per (series, period) and is never added to anything.
 */
public final class Tally {

    /** One atomic addition to one counter. */
    public record Increment(SeriesKey series, Period period, long by) {
    }

    /** One reported figure for one slot. */
    public record Statistic(SeriesKey series, Period period, Fact fact) {
    }

    /** What one article's facts do to the counters: increments from incidents, slots from statistics. */
    public record Plan(List<Increment> increments, List<Statistic> statistics) {
        public boolean isEmpty() {
            return increments.isEmpty() && statistics.isEmpty();
        }
    }

    private Tally() {
    }

    public static Plan plan(List<Fact> facts) {
        List<Increment> increments = new ArrayList<>();
        List<Statistic> statistics = new ArrayList<>();
        for (Fact f : facts) {
            if (f.kind() == FactKind.REPORTED) {
                statistics.add(new Statistic(f.seriesKey(), f.period(), f));
            } else {
                increments.addAll(incrementsFor(f));
            }
        }
        return new Plan(List.copyOf(merge(increments)), List.copyOf(statistics));
    }

    /** An incident counts once in each region it happened in (or once in its area), in each calendar period of its day. */
    static List<Increment> incrementsFor(Fact incident) {
        List<SeriesKey> keys = new ArrayList<>();
        if (incident.regions().isEmpty()) {
            keys.add(new SeriesKey(SeriesKey.Source.INCIDENTS, incident.actor(), List.of(), incident.eventType(), incident.area()));
        } else {
            for (String region : incident.regions()) {
                keys.add(new SeriesKey(SeriesKey.Source.INCIDENTS, incident.actor(), List.of(region), incident.eventType(), null));
            }
        }
        LocalDate day = incident.period().start();
        List<Period> periods = List.of(
                Period.year(day.getYear()),
                Period.quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1),
                Period.month(day.getYear(), day.getMonthValue()));
        List<Increment> out = new ArrayList<>();
        for (SeriesKey k : keys) {
            for (Period p : periods) {
                out.add(new Increment(k, p, incident.count()));
            }
        }
        return out;
    }

    /** Two incidents of one article on the same counter become one addition (one write, same total). */
    private static List<Increment> merge(List<Increment> increments) {
        var byKey = new java.util.LinkedHashMap<String, Increment>();
        for (Increment i : increments) {
            byKey.merge(i.series().encode() + "#" + i.period(), i,
                    (a, b) -> new Increment(a.series(), a.period(), a.by() + b.by()));
        }
        return new ArrayList<>(byKey.values());
    }
}
