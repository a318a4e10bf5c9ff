package io.newsalerts.pipeline;

import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.rules.RuleSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The detect stage: re-reads everything known about a changed series, runs the rules, and records each alert with a
 * conditional write, so a crossing seen by repeated or concurrent deliveries yields exactly one alert.
 */
public final class Detection {
    private final CounterRepository counters;
    private final RuleSet rules;
    private final AlertRepository alerts;

    public Detection(CounterRepository counters, RuleSet rules, AlertRepository alerts) {
        this.counters = counters;
        this.rules = rules;
        this.alerts = alerts;
    }

    /** The alerts newly recorded for this series (empty when nothing crossed, or it was already recorded). */
    public List<Alert> detect(SeriesKey series) {
        List<Alert> recorded = new ArrayList<>();
        for (Alert a : rules.evaluate(series, counters.series(series))) {
            if (alerts.record(a)) {
                recorded.add(a);
            }
        }
        return recorded;
    }
}
