package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.SeriesKey;

import java.util.ArrayList;
import java.util.List;

/** The rules detect runs on every changed series. */
public final class RuleSet {
    private final List<Rule> rules;

    public RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static RuleSet standard(RuleSettings settings) {
        return new RuleSet(List.of(new YoyDoubling(settings), new YoyProjectedDoubling(settings)));
    }

    public List<Alert> evaluate(SeriesKey series, List<Observation> observations) {
        List<Alert> out = new ArrayList<>();
        for (Rule r : rules) {
            out.addAll(r.evaluate(series, observations));
        }
        return out;
    }
}
