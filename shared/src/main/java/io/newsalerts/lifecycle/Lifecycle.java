package io.newsalerts.lifecycle;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.AlertState;
import io.newsalerts.domain.Severity;
import io.newsalerts.rules.Finding;

import java.util.Optional;

/**
 * The alert lifecycle as a pure function: what the table holds for a key, and the rule's finding on it now, give the
 * next state (or none: nothing to record). Detection writes the result conditionally on the version it read, so a
 * repeated or concurrent evaluation that reaches the same conclusion records it once.
 */
public final class Lifecycle {

    /**
     * What the alerts table holds for one key.
     *
     * @param recorded the alert as last recorded (its figures, evidence and state)
     * @param notified whether any earlier transition was delivered (a resolution is only news to those who got it)
     * @param version  incremented by every transition; the condition of the next write
     */
    public record Standing(Alert recorded, boolean notified, long version) {
        public AlertState state() {
            return recorded.state();
        }

        public double ratio() {
            return recorded.ratio();
        }

        public Severity severity() {
            return recorded.severity();
        }
    }

    /**
     * A state change to record.
     *
     * @param alert   the finding's figures, in the new state
     * @param deliver whether notify sends it (pending again); false for silenced ones and silent resolutions
     */
    public record Transition(Alert alert, boolean deliver) {
        public AlertState state() {
            return alert.state();
        }
    }

    private Lifecycle() {
    }

    /**
     * <ul>
     * <li>no alert yet: a firing finding that may open one fires (silenced if a silence covers it);</li>
     * <li>active (firing, escalated, silenced): still firing and materially worse — the ratio reached the next whole
     * step (x2 to x3) or the severity rose — escalates; still firing and not worse changes nothing; below the
     * threshold resolves;</li>
     * <li>resolved: firing again fires again (a new episode); otherwise nothing.</li>
     * </ul>
     * Under a silence, what would be sent is recorded as silenced instead; a resolution under a silence is recorded as
     * resolved but not sent. A resolution carries the severity last recorded, so it reaches whoever got the alert.
     */
    public static Optional<Transition> next(Optional<Standing> previous, Finding finding, boolean silenced) {
        Alert a = finding.alert();
        if (previous.isEmpty()) {
            if (finding.fires() && finding.mayOpen()) {
                return Optional.of(silenced ? quiet(a, AlertState.SILENCED) : loud(a, AlertState.FIRING));
            }
            return Optional.empty();
        }
        Standing was = previous.get();
        if (!was.state().isActive()) {
            if (finding.fires()) {
                return Optional.of(silenced ? quiet(a, AlertState.SILENCED) : loud(a, AlertState.FIRING));
            }
            return Optional.empty();
        }
        if (!finding.fires()) {
            // The resolution keeps the severity it was last recorded with, so that the filter policies that let the
            // alert through (say, "high only") let its resolution through too.
            Alert resolved = new Alert(a.rule(), a.series(), a.current(), a.baseline(), a.projected(), a.ratio(),
                    was.severity(), a.target(), AlertState.RESOLVED);
            return Optional.of(new Transition(resolved, was.notified() && !silenced));
        }
        if (materiallyWorse(was, a)) {
            return Optional.of(silenced ? quiet(a, AlertState.SILENCED) : loud(a, AlertState.ESCALATED));
        }
        return Optional.empty();
    }

    /**
     * The same figure as recorded, now carried by more distinct sources: not news (nothing is sent), but the recorded
     * alert should show the corroboration and its evidence.
     */
    public static boolean corroborated(Optional<Standing> previous, Finding finding) {
        if (previous.isEmpty() || !previous.get().state().isActive() || !finding.fires()) {
            return false;
        }
        var was = previous.get().recorded().current();
        var now = finding.alert().current();
        return was.period().equals(now.period()) && was.count() == now.count() && now.sources() > was.sources();
    }

    /** The ratio reached a higher whole step than when last recorded (x2.4 to x3.1), or the severity rose. */
    static boolean materiallyWorse(Standing was, Alert now) {
        return Math.floor(now.ratio()) > Math.floor(was.ratio()) || now.severity().level() > was.severity().level();
    }

    private static Transition loud(Alert a, AlertState state) {
        return new Transition(a.withState(state), true);
    }

    private static Transition quiet(Alert a, AlertState state) {
        return new Transition(a.withState(state), false);
    }
}
