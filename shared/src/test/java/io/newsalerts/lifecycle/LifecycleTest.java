package io.newsalerts.lifecycle;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.AlertState;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;
import io.newsalerts.rules.Finding;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleTest {

    private static final SeriesKey IS_ATTACKS =
            new SeriesKey(SeriesKey.Source.STATISTIC, "Islamic State", List.of("IQ", "SY"), "attack", null);

    private static Finding finding(double ratio, Severity severity, boolean fires) {
        Alert a = new Alert("yoy-projected-doubling", IS_ATTACKS, new Observation(Period.of("2024-01-01", "2024-06-30"), 153),
                new Observation(Period.year(2023), 121), 307L, ratio, severity, Period.year(2024));
        return new Finding(a, fires, true);
    }

    private static Optional<Lifecycle.Standing> standing(AlertState state, double ratio, Severity severity) {
        Alert a = finding(ratio, severity, true).alert().withState(state);
        return Optional.of(new Lifecycle.Standing(a, true, 1));
    }

    @Test
    void firstCrossingFiresAndIsDelivered() {
        var t = Lifecycle.next(Optional.empty(), finding(2.54, Severity.MEDIUM, true), false).orElseThrow();

        assertThat(t.state()).isEqualTo(AlertState.FIRING);
        assertThat(t.deliver()).isTrue();
    }

    @Test
    void belowTheThresholdWithNoAlertDoesNothing() {
        assertThat(Lifecycle.next(Optional.empty(), finding(1.4, Severity.MEDIUM, false), false)).isEmpty();
    }

    @Test
    void aFindingThatMayNotOpenDoesNotOpen() {
        Finding fullYear = new Finding(finding(2.2, Severity.MEDIUM, true).alert(), true, false);

        assertThat(Lifecycle.next(Optional.empty(), fullYear, false)).isEmpty();
    }

    @Test
    void theSameFiguresAgainChangeNothing() {
        assertThat(Lifecycle.next(standing(AlertState.FIRING, 2.54, Severity.MEDIUM), finding(2.54, Severity.MEDIUM, true), false))
                .isEmpty();
        assertThat(Lifecycle.next(standing(AlertState.FIRING, 2.54, Severity.MEDIUM), finding(2.9, Severity.MEDIUM, true), false))
                .as("worse, but within the same whole step").isEmpty();
    }

    @Test
    void crossingTheNextWholeStepEscalates() {
        var t = Lifecycle.next(standing(AlertState.FIRING, 2.54, Severity.MEDIUM), finding(3.31, Severity.HIGH, true), false)
                .orElseThrow();

        assertThat(t.state()).isEqualTo(AlertState.ESCALATED);
        assertThat(t.deliver()).isTrue();
    }

    @Test
    void aRisingSeverityEscalatesWithinAStep() {
        assertThat(Lifecycle.next(standing(AlertState.ESCALATED, 3.1, Severity.MEDIUM), finding(3.2, Severity.HIGH, true), false))
                .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(AlertState.ESCALATED));
    }

    @Test
    void droppingBelowTheThresholdResolvesAndTellsThoseWhoGotIt() {
        var t = Lifecycle.next(standing(AlertState.ESCALATED, 3.31, Severity.HIGH), finding(1.65, Severity.MEDIUM, false), false)
                .orElseThrow();

        assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(t.deliver()).isTrue();
        assertThat(t.alert().severity()).as("routed like the alert it resolves").isEqualTo(Severity.HIGH);
        assertThat(t.alert().ratio()).isEqualTo(1.65);
    }

    @Test
    void aResolutionOfSomethingNeverSentIsRecordedQuietly() {
        var silencedAll = Optional.of(new Lifecycle.Standing(
                finding(2.5, Severity.MEDIUM, true).alert().withState(AlertState.SILENCED), false, 1));

        var t = Lifecycle.next(silencedAll, finding(1.2, Severity.MEDIUM, false), false).orElseThrow();

        assertThat(t.state()).isEqualTo(AlertState.RESOLVED);
        assertThat(t.deliver()).isFalse();
    }

    @Test
    void aResolvedKeyThatCrossesAgainFiresAgain() {
        assertThat(Lifecycle.next(standing(AlertState.RESOLVED, 1.65, Severity.MEDIUM), finding(2.1, Severity.MEDIUM, true), false))
                .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(AlertState.FIRING));
        assertThat(Lifecycle.next(standing(AlertState.RESOLVED, 1.65, Severity.MEDIUM), finding(1.7, Severity.MEDIUM, false), false))
                .isEmpty();
    }

    @Test
    void underASilenceWhatWouldBeSentIsRecordedSilenced() {
        var fired = Lifecycle.next(Optional.empty(), finding(2.54, Severity.MEDIUM, true), true).orElseThrow();
        var escalated = Lifecycle.next(standing(AlertState.FIRING, 2.54, Severity.MEDIUM), finding(3.4, Severity.HIGH, true), true)
                .orElseThrow();

        assertThat(fired.state()).isEqualTo(AlertState.SILENCED);
        assertThat(fired.deliver()).isFalse();
        assertThat(escalated.state()).isEqualTo(AlertState.SILENCED);
        assertThat(escalated.deliver()).isFalse();
    }

    @Test
    void moreSourcesForTheSameFigureIsCorroborationNotATransition() {
        Alert recorded = finding(2.54, Severity.MEDIUM, true).alert();
        Alert twoSources = new Alert(recorded.rule(), recorded.series(),
                new Observation(recorded.current().period(), 153, List.of(), null, 2), recorded.baseline(), 307L, 2.54,
                Severity.MEDIUM, recorded.target());
        var standing = Optional.of(new Lifecycle.Standing(recorded, true, 1));

        assertThat(Lifecycle.next(standing, new Finding(twoSources, true, true), false)).isEmpty();
        assertThat(Lifecycle.corroborated(standing, new Finding(twoSources, true, true))).isTrue();
        assertThat(Lifecycle.corroborated(standing, new Finding(recorded, true, true))).isFalse();
    }

    @Test
    void silenceCoversItsScopeUntilItEnds() {
        Instant until = Instant.parse("2030-01-01T00:00:00Z");
        Alert a = finding(2.54, Severity.MEDIUM, true).alert();

        assertThat(new Silence("1", "islamic state", null, null, until, null, until).covers(a, until.minusSeconds(1))).isTrue();
        assertThat(new Silence("2", null, "SY", "yoy-projected-doubling", until, null, until).covers(a, until.minusSeconds(1)))
                .isTrue();
        assertThat(new Silence("3", null, "SY", "yoy-doubling", until, null, until).covers(a, until.minusSeconds(1))).isFalse();
        assertThat(new Silence("4", "Houthis", null, null, until, null, until).covers(a, until.minusSeconds(1))).isFalse();
        assertThat(new Silence("5", "Islamic State", null, null, until, null, until).covers(a, until)).as("expired").isFalse();
        assertThatThrownBy(() -> new Silence("6", " ", null, null, until, null, until))
                .hasMessageContaining("at least one of actor, region or rule");
    }
}
