package io.newsalerts.rules;

import io.newsalerts.domain.SeriesKey;

import java.util.List;
import java.util.Locale;

/**
 * Which series a rule looks at. Each list empty = all. A series is in scope when its actor is listed, one of its
 * regions (or its area) is listed, and its event type is listed; matching ignores case.
 */
public record Scope(List<String> actors, List<String> regions, List<String> eventTypes) {

    public static final Scope ALL = new Scope(List.of(), List.of(), List.of());

    public Scope {
        actors = lower(actors);
        regions = lower(regions);
        eventTypes = lower(eventTypes);
    }

    public boolean covers(SeriesKey series) {
        if (!actors.isEmpty() && (series.actor() == null || !actors.contains(lower(series.actor())))) {
            return false;
        }
        if (!regions.isEmpty()) {
            boolean any = series.regions().stream().anyMatch(r -> regions.contains(lower(r)))
                    || (series.area() != null && regions.contains(lower(series.area())));
            if (!any) {
                return false;
            }
        }
        return eventTypes.isEmpty() || eventTypes.contains(lower(series.eventType()));
    }

    private static List<String> lower(List<String> values) {
        return values == null ? List.of() : values.stream().map(Scope::lower).toList();
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
