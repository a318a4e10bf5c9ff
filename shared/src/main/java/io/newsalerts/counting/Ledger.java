package io.newsalerts.counting;

import io.newsalerts.domain.Evidence;
import io.newsalerts.domain.Fact;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counting rules in memory, for evaluation and benchmarks: the same semantics the counters table implements with
 * conditional writes (CounterRepository) — a day's incidents counted at the largest figure any article gave, a statistic slot replaced only by a
 * larger figure published no earlier, the same figure from another source corroborating it.
 */
public final class Ledger {
    private final Map<String, Map<Period, Slot>> series = new LinkedHashMap<>();
    private final Map<String, SeriesKey> keys = new LinkedHashMap<>();
    private final Map<String, Long> days = new HashMap<>(); // series + day -> largest count reported

    private static final class Slot {
        long count;
        LocalDate reportedOn;
        final Set<String> sources = new HashSet<>();
        final List<Evidence> evidence = new ArrayList<>();
    }

    /** Applies one article's facts; returns the series it changed. */
    public Set<SeriesKey> add(String source, LocalDate published, List<Fact> facts) {
        Set<SeriesKey> changed = new java.util.LinkedHashSet<>();
        Tally.Plan plan = Tally.plan(facts);
        for (Tally.DayCount d : plan.days()) {
            long before = days.getOrDefault(d.series().encode() + "#" + d.day(), 0L);
            if (d.count() <= before) {
                continue;
            }
            days.put(d.series().encode() + "#" + d.day(), d.count());
            for (Period p : Tally.calendarPeriods(d.day())) {
                Slot s = slot(d.series(), p);
                s.count += d.count() - before;
                s.sources.add(source);
            }
            changed.add(d.series());
        }
        for (Tally.Statistic st : plan.statistics()) {
            Slot s = slot(st.series(), st.period());
            Evidence ev = new Evidence(st.fact().sentence(), source, st.fact().attributedTo());
            long c = st.fact().count();
            if (s.reportedOn == null || (s.count < c && !s.reportedOn.isAfter(published))) {
                s.count = c;
                s.reportedOn = published;
                s.sources.clear();
                s.evidence.clear();
                s.sources.add(source);
                s.evidence.add(ev);
                changed.add(st.series());
            } else if (s.count == c && s.sources.add(source)) {
                s.evidence.add(ev);
                changed.add(st.series());
            }
        }
        return changed;
    }

    public List<Observation> observations(SeriesKey key) {
        List<Observation> out = new ArrayList<>();
        series.getOrDefault(key.encode(), Map.of()).forEach((p, s) ->
                out.add(new Observation(p, s.count, s.evidence, s.reportedOn, s.sources.size())));
        out.sort((a, b) -> a.period().compareTo(b.period()));
        return out;
    }

    public SeriesKey key(String encoded) {
        return keys.get(encoded);
    }

    private Slot slot(SeriesKey key, Period period) {
        keys.putIfAbsent(key.encode(), key);
        return series.computeIfAbsent(key.encode(), k -> new LinkedHashMap<>()).computeIfAbsent(period, p -> new Slot());
    }
}
