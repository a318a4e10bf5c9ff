package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.SeriesKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rules detect runs on every changed series. */
public final class RuleSet {
    private final List<Rule> rules;

    public RuleSet(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The two year-over-year rules of the first pipeline, with these settings. */
    public static RuleSet standard(RuleSettings settings) {
        return new RuleSet(List.of(new YoyDoubling(settings), new YoyProjectedDoubling(settings)));
    }

    /** The rules file shipped in the jar (io/newsalerts/rules.json). */
    public static RuleSet defaults() {
        return RuleBook.bundled();
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean needsDays() {
        return rules.stream().anyMatch(Rule::needsDays);
    }

    /** The alerts that would open now: firing findings that may open one, after inhibition. */
    public List<Alert> evaluate(SeriesKey series, List<Observation> observations) {
        return judge(series, History.of(observations)).stream()
                .filter(f -> f.fires() && f.mayOpen()).map(Finding::alert).toList();
    }

    /**
     * Every rule in scope judges the series; then inhibition: on one key (series and target period), a firing finding
     * of a stronger rule of the same kind suppresses the firing findings of weaker ones (a doubling silences the 50%
     * rise on the same figures), so one fact is reported once, at its strongest. Suppressed findings are dropped, not
     * turned into resolutions: the weaker rule's alert, if any, simply does not change.
     */
    public List<Finding> judge(SeriesKey series, History history) {
        List<Finding> all = new ArrayList<>();
        Map<String, Rule> byId = new java.util.HashMap<>();
        for (Rule r : rules) {
            byId.put(r.id(), r);
            if (r.scope().covers(series)) {
                all.addAll(r.judge(series, history));
            }
        }
        Map<String, Double> strongest = all.stream().filter(Finding::fires).collect(Collectors.toMap(
                f -> inhibitionKey(byId.get(f.alert().rule()), f), f -> byId.get(f.alert().rule()).strength(), Math::max));
        return all.stream()
                .filter(f -> !f.fires()
                        || byId.get(f.alert().rule()).strength() >= strongest.get(inhibitionKey(byId.get(f.alert().rule()), f)))
                .toList();
    }

    private static String inhibitionKey(Rule rule, Finding f) {
        return rule.kind() + "\n" + f.alert().series().encode() + "\n" + f.alert().target();
    }
}
