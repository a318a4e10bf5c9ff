package io.newsalerts.domain;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One thing an article says happened, with how many and when: the unit of extraction.
 *
 * @param actor        canonical actor name, or null when the text names no perpetrator
 * @param regions      ISO 3166-1 alpha-2 codes, sorted and distinct; empty when the place is in no country
 * @param eventType    event type from the taxonomy ("attack", "drone attack", "fatality", ...)
 * @param count        how many (at least 1)
 * @param qualifier    exact, at-least or approx
 * @param period       inclusive days the count covers
 * @param kind         reported statistic or incident
 * @param attributedTo who said so ("CENTCOM"), or null
 * @param sentence     the sentence the fact was read from (evidence)
 * @param area         name of a place in no country ("Red Sea", "worldwide") when regions is empty, else null
 */
public record Fact(
        String actor,
        List<String> regions,
        String eventType,
        long count,
        Qualifier qualifier,
        Period period,
        FactKind kind,
        String attributedTo,
        String sentence,
        String area) {

    public Fact {
        // sorted and distinct; most facts have one region, which needs neither (a stream per fact showed in profiles)
        regions = regions.size() <= 1 ? List.copyOf(regions) : List.copyOf(new TreeSet<>(regions));
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(kind, "kind");
        if (count < 1) {
            throw new IllegalArgumentException("a fact counts at least one event, got " + count);
        }
    }

    /** What the fact counts, independent of the period: the series it belongs to. */
    public SeriesKey seriesKey() {
        return new SeriesKey(kind == FactKind.REPORTED ? SeriesKey.Source.STATISTIC : SeriesKey.Source.INCIDENTS,
                actor, regions, eventType, regions.isEmpty() ? area : null);
    }
}
