package io.newsalerts.pipeline;

import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.lifecycle.Lifecycle;
import io.newsalerts.lifecycle.Silence;
import io.newsalerts.log.Log;
import io.newsalerts.rules.Finding;
import io.newsalerts.rules.History;
import io.newsalerts.rules.RuleSet;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The detect stage: re-reads everything known about a changed series, runs the rules, and moves each key's alert
 * through its lifecycle (fire, escalate, resolve, silenced) with writes conditioned on the version it read, so a
 * crossing seen by repeated or concurrent deliveries is recorded exactly once.
 */
public final class Detection {
    /** Lost races before giving up (the stream record is then retried). Each loss means someone else progressed. */
    private static final int MAX_ATTEMPTS = 5;

    private final CounterRepository counters;
    private final Supplier<RuleSet> rules; // the deployer's rules can change under a running function
    private final AlertRepository alerts;
    private final SilenceRepository silences;
    private final Clock clock;

    public Detection(CounterRepository counters, Supplier<RuleSet> rules, AlertRepository alerts,
                     SilenceRepository silences, Clock clock) {
        this.counters = counters;
        this.rules = rules;
        this.alerts = alerts;
        this.silences = silences;
        this.clock = clock;
    }

    public Detection(CounterRepository counters, RuleSet rules, AlertRepository alerts, SilenceRepository silences,
                     Clock clock) {
        this(counters, () -> rules, alerts, silences, clock);
    }

    public Detection(CounterRepository counters, RuleSet rules, AlertRepository alerts, SilenceRepository silences) {
        this(counters, () -> rules, alerts, silences, Clock.systemUTC());
    }

    /** What the rules found for one series, from its history as read now. */
    private record Judgement(SeriesKey series, List<Finding> findings) {
    }

    /** A series of a batch: the transitions recorded for it, or what stopped it (the others went on). */
    public record Outcome(List<Alert> recorded, RuntimeException failure) {
    }

    /** The transitions recorded for this series, each alert in its new state (empty when nothing changed). */
    public List<Alert> detect(SeriesKey series) {
        Outcome outcome = detectAll(List.of(series)).get(series);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.recorded();
    }

    /**
     * Several series, as a stream batch brings them: each judged, then the alerts of all their findings read in one
     * request, then each series' transitions recorded. Reading ahead saves a read per finding; it changes nothing
     * else, since every write is conditioned on the version read and a lost race reads again. A series that fails is
     * reported in its outcome and does not stop the others.
     */
    public Map<SeriesKey, Outcome> detectAll(Collection<SeriesKey> series) {
        Map<SeriesKey, Outcome> outcomes = new LinkedHashMap<>();
        List<Judgement> judged = new ArrayList<>();
        for (SeriesKey s : series) {
            try {
                judged.add(judge(s));
            } catch (RuntimeException e) {
                outcomes.put(s, new Outcome(List.of(), e));
            }
        }
        Map<String, Optional<Lifecycle.Standing>> read = judged.stream().mapToInt(j -> j.findings().size()).sum() > 1
                ? readAhead(judged) : new HashMap<>();
        for (Judgement j : judged) {
            try {
                outcomes.put(j.series(), new Outcome(record(j, read), null));
            } catch (RuntimeException e) {
                outcomes.put(j.series(), new Outcome(List.of(), e));
            }
        }
        return outcomes;
    }

    /** The rules run on the series' history as the counters table holds it now. */
    private Judgement judge(SeriesKey series) {
        RuleSet rules = this.rules.get();
        boolean days = rules.needsDays() && series.source() == SeriesKey.Source.INCIDENTS;
        History history = new History(counters.series(series), days ? counters.days(series) : List.of());
        return new Judgement(series, rules.judge(series, history));
    }

    /**
     * Every finding's alert as the table holds it, in one request (a failure to read ahead only means reading each
     * again later).
     */
    private Map<String, Optional<Lifecycle.Standing>> readAhead(List<Judgement> judged) {
        try {
            return new HashMap<>(alerts.standings(judged.stream()
                    .flatMap(j -> j.findings().stream()).map(f -> f.alert().id()).toList()));
        } catch (RuntimeException e) {
            Log.warn("alerts not read ahead; each is read on its own", "errorType", e.getClass().getName(),
                    "errorMessage", String.valueOf(e.getMessage()));
            return new HashMap<>();
        }
    }

    /**
     * Moves each finding's alert through its lifecycle. {@code read}: alerts read ahead; only a key's first finding
     * uses its entry, and only on its first attempt: anything after reads again.
     */
    private List<Alert> record(Judgement judgement, Map<String, Optional<Lifecycle.Standing>> read) {
        List<Silence> muted = null; // read only when something is about to change
        List<Alert> recorded = new ArrayList<>();
        for (Finding finding : judgement.findings()) {
            for (int attempt = 1; ; attempt++) {
                Optional<Lifecycle.Standing> prefetched = attempt == 1 ? read.remove(finding.alert().id()) : null;
                Optional<Lifecycle.Standing> standing = prefetched != null ? prefetched : alerts.standing(finding.alert().id());
                Optional<Lifecycle.Transition> next = Lifecycle.next(standing, finding, false);
                if (next.isEmpty()) {
                    if (!Lifecycle.corroborated(standing, finding) || alerts.refresh(finding.alert(), standing.get())) {
                        break;
                    }
                    continue; // a transition got there first: judge again
                }
                if (muted == null) {
                    muted = silences.active();
                }
                if (isSilenced(finding.alert(), muted)) {
                    next = Lifecycle.next(standing, finding, true);
                }
                if (alerts.apply(next.orElseThrow(), standing)) {
                    recorded.add(next.get().alert());
                    break;
                }
                if (attempt >= MAX_ATTEMPTS) { // (also reached by refreshes that keep losing)
                    throw new IllegalStateException("alert " + finding.alert().id() + " kept changing under us; giving up "
                            + "after " + MAX_ATTEMPTS + " attempts (the stream record will be retried)");
                }
            }
        }
        return recorded;
    }

    private boolean isSilenced(Alert alert, List<Silence> muted) {
        var now = clock.instant();
        return muted.stream().anyMatch(s -> s.covers(alert, now));
    }
}
