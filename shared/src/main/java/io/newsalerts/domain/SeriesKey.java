package io.newsalerts.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a counter counts: who (or nobody named), where (regions, or an area in no country), what kind of event,
 * and whether the numbers are reported statistics or our own tally of incidents. The two sources are kept apart:
 * a published total and the incidents we happened to read are not the same measurement.
 */
public record SeriesKey(Source source, String actor, List<String> regions, String eventType, String area) {

    public enum Source { STATISTIC, INCIDENTS }

    private static final String NONE = "-";
    private static final char SEP = '|';

    public SeriesKey {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(eventType, "eventType");
        regions = List.copyOf(regions.stream().distinct().sorted().toList());
    }

    /** Stable string form, used as a DynamoDB partition key: "S|Islamic State|IQ+SY|attack|-". */
    public String encode() {
        return (source == Source.STATISTIC ? "S" : "I") + SEP
                + (actor == null ? NONE : actor) + SEP
                + (regions.isEmpty() ? NONE : String.join("+", regions)) + SEP
                + eventType + SEP
                + (area == null ? NONE : area);
    }

    public static SeriesKey decode(String s) {
        List<String> parts = new ArrayList<>(List.of(s.split("\\|", -1)));
        if (parts.size() != 5) {
            throw new IllegalArgumentException("not a series key: " + s);
        }
        Source source = switch (parts.get(0)) {
            case "S" -> Source.STATISTIC;
            case "I" -> Source.INCIDENTS;
            default -> throw new IllegalArgumentException("not a series key: " + s);
        };
        String actor = NONE.equals(parts.get(1)) ? null : parts.get(1);
        List<String> regions = NONE.equals(parts.get(2)) ? List.of() : List.of(parts.get(2).split("\\+"));
        String area = NONE.equals(parts.get(4)) ? null : parts.get(4);
        return new SeriesKey(source, actor, regions, parts.get(3), area);
    }

}
