package io.newsalerts.testing;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Evidence;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;

import java.util.List;

/** Alerts as the detector would raise them, for message, publishing and delivery tests. */
public final class SampleAlerts {

    public static final String SOURCE_URL = "https://news.example.org/2024/07/17/is-attacks-iraq-syria";

    private SampleAlerts() {
    }

    /** The seed article's finding (in events/articles' words): 153 attacks in H1 2024 against 121 in 2023, projected to ~307. */
    public static Alert islamicStateIraqSyria() {
        return new Alert(
                "yoy-projected-doubling",
                new SeriesKey(SeriesKey.Source.STATISTIC, "Islamic State", List.of("IQ", "SY"), "attack", null),
                new Observation(Period.of("2024-01-01", "2024-06-30"), 153, List.of(new Evidence(
                        "In a statement, CENTCOM said IS had claimed responsibility for 153 attacks across the two countries "
                                + "during the first six months of 2024.",
                        SOURCE_URL, "CENTCOM"))),
                new Observation(Period.year(2023), 121, List.of(new Evidence(
                        "The group carried out 121 attacks in Iraq and Syria in 2023, a U.S. defense official said on "
                                + "condition of anonymity.",
                        SOURCE_URL, "U.S. defense official"))),
                307L, 2.54, Severity.HIGH, Period.year(2024));
    }

    /** A same-period comparison in one country with a medium severity. */
    public static Alert droneAttacksIraq(Severity severity) {
        return new Alert(
                "yoy-doubling",
                new SeriesKey(SeriesKey.Source.INCIDENTS, "Islamic Resistance in Iraq", List.of("IQ"), "drone attack", null),
                new Observation(Period.quarter(2024, 1), 40, List.of(new Evidence(
                        "The Islamic Resistance in Iraq, an alliance of Iran-backed militias, claimed 40 drone attacks on "
                                + "bases hosting U.S. troops in Iraq in the first quarter of 2024.", SOURCE_URL, null))),
                new Observation(Period.quarter(2023, 1), 18),
                null, 2.22, severity, Period.quarter(2024, 1));
    }

    /** No actor named, a place in no country. */
    public static Alert shipAttacksRedSea() {
        return new Alert(
                "yoy-doubling",
                new SeriesKey(SeriesKey.Source.INCIDENTS, null, List.of(), "ship attack", "Red Sea"),
                new Observation(Period.month(2024, 1), 12),
                new Observation(Period.month(2023, 1), 3),
                null, 4.0, Severity.LOW, Period.month(2024, 1));
    }

    /** Any alert with the given actor, regions and severity: for routing tests. */
    public static Alert of(String actor, List<String> regions, String eventType, Severity severity) {
        return new Alert(
                "yoy-doubling",
                new SeriesKey(SeriesKey.Source.INCIDENTS, actor, regions, eventType, regions.isEmpty() ? "worldwide" : null),
                new Observation(Period.quarter(2024, 2), 10),
                new Observation(Period.quarter(2023, 2), 4),
                null, 2.5, severity, Period.quarter(2024, 2));
    }
}
