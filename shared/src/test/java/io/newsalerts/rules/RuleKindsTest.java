package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** threshold, spike, new-actor-in-region, minSources and inhibition. */
class RuleKindsTest {

    private static final SeriesKey HOUTHI_SHIPS =
            new SeriesKey(SeriesKey.Source.INCIDENTS, "Houthis", List.of("YE"), "attack", null);
    private static final SeriesKey IS_ATTACKS =
            new SeriesKey(SeriesKey.Source.STATISTIC, "Islamic State", List.of("IQ", "SY"), "attack", null);

    private static RuleBasics basics(String id) {
        return new RuleBasics(id, Scope.ALL, Severity.MEDIUM, 1);
    }

    private static Observation stat(Period p, long count, String published, int sources) {
        return new Observation(p, count, List.of(), LocalDate.parse(published), sources);
    }

    @Test
    void thresholdOnTheLatestMonthIsInclusive() {
        Threshold thirty = new Threshold(basics("t"), 30, Threshold.Window.MONTH, 0, 400);
        List<Observation> obs = List.of(new Observation(Period.year(2024), 40), new Observation(Period.month(2024, 5), 9),
                new Observation(Period.month(2024, 6), 30));

        assertThat(thirty.evaluate(HOUTHI_SHIPS, obs)).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo(Period.month(2024, 6));
            assertThat(a.ratio()).isEqualTo(1.0);
            assertThat(a.baseline().count()).isEqualTo(30);
        });
        assertThat(thirty.evaluate(HOUTHI_SHIPS, List.of(new Observation(Period.month(2024, 6), 29)))).isEmpty();
    }

    @Test
    void trailingDaysSumTheDayCountsEndingOnTheLatestDay() {
        Threshold tenInSeven = new Threshold(basics("t7"), 10, Threshold.Window.DAYS, 7, 400);
        List<Observation> days = List.of(
                new Observation(Period.day(LocalDate.parse("2024-06-01")), 6), // outside the 7 days
                new Observation(Period.day(LocalDate.parse("2024-06-10")), 4),
                new Observation(Period.day(LocalDate.parse("2024-06-14")), 6));

        List<Finding> findings = tenInSeven.judge(HOUTHI_SHIPS, new History(List.of(), days));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.fires()).isTrue();
            assertThat(f.alert().current().count()).isEqualTo(10);
            assertThat(f.alert().current().period()).isEqualTo(Period.of("2024-06-08", "2024-06-14"));
            assertThat(f.alert().target()).isEqualTo(Period.month(2024, 6));
        });
    }

    @Test
    void trailingWindowThatMovesPastTheBurstNoLongerFires() {
        Threshold tenInSeven = new Threshold(basics("t7"), 10, Threshold.Window.DAYS, 7, 400);
        List<Observation> days = List.of(
                new Observation(Period.day(LocalDate.parse("2024-06-10")), 10),
                new Observation(Period.day(LocalDate.parse("2024-06-20")), 1));

        assertThat(tenInSeven.judge(HOUTHI_SHIPS, new History(List.of(), days)))
                .singleElement().satisfies(f -> assertThat(f.fires()).isFalse());
    }

    private static List<Observation> months(long... counts) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            out.add(new Observation(Period.month(2024, i + 1), counts[i]));
        }
        return out;
    }

    @Test
    void spikeFiresWhenTheMonthIsImprobableAgainstTheTrailingMean() {
        Spike spike = new Spike(basics("s"), 6, 0.001, 10, 3);

        List<Alert> alerts = spike.evaluate(HOUTHI_SHIPS, months(8, 7, 9, 8, 8, 8, 40));

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.target()).isEqualTo(Period.month(2024, 7));
            assertThat(a.baseline().count()).isEqualTo(8);
            assertThat(a.baseline().period()).isEqualTo(Period.of("2024-01-01", "2024-06-30"));
            assertThat(a.ratio()).isEqualTo(5.0);
        });
    }

    @Test
    void ordinaryVariationIsNoSpike() {
        Spike spike = new Spike(basics("s"), 6, 0.001, 10, 3);

        assertThat(spike.evaluate(HOUTHI_SHIPS, months(8, 7, 9, 8, 8, 8, 14))).isEmpty();
    }

    @Test
    void smallCountsNeverSpikeAndShortHistoriesAreNotJudged() {
        Spike spike = new Spike(basics("s"), 6, 0.001, 10, 3);

        assertThat(spike.evaluate(HOUTHI_SHIPS, months(0, 0, 0, 0, 0, 0, 6))).as("under minCount").isEmpty();
        assertThat(spike.evaluate(HOUTHI_SHIPS, months(1, 50))).as("one month of history").isEmpty();
    }

    @Test
    void poissonTailMatchesKnownValues() {
        assertThat(Spike.poissonTail(0, 3)).isEqualTo(1.0);
        assertThat(Spike.poissonTail(1, 2)).isCloseTo(1 - Math.exp(-2), within(1e-12));
        assertThat(Spike.poissonTail(3, 1)).isCloseTo(1 - Math.exp(-1) * 2.5, within(1e-12));
        assertThat(Spike.poissonTail(2000, 1500)).isBetween(0.0, 1e-20);
    }

    @Test
    void newActorInRegionFiresOnItsFirstMonthOnly() {
        NewActorInRegion rule = new NewActorInRegion(basics("new"), 5);
        List<Observation> first = List.of(new Observation(Period.year(2024), 6), new Observation(Period.quarter(2024, 1), 6),
                new Observation(Period.month(2024, 2), 6));

        assertThat(rule.evaluate(HOUTHI_SHIPS, first)).singleElement()
                .satisfies(a -> assertThat(a.target()).isEqualTo(Period.month(2024, 2)));

        List<Observation> later = new ArrayList<>(first);
        later.add(new Observation(Period.month(2024, 3), 20));
        assertThat(rule.evaluate(HOUTHI_SHIPS, later)).extracting(Alert::id)
                .containsExactlyElementsOf(rule.evaluate(HOUTHI_SHIPS, first).stream().map(Alert::id).toList());
        assertThat(rule.evaluate(HOUTHI_SHIPS, List.of(new Observation(Period.month(2024, 2), 4)))).isEmpty();
        SeriesKey nobody = new SeriesKey(SeriesKey.Source.INCIDENTS, null, List.of("YE"), "attack", null);
        assertThat(rule.evaluate(nobody, first)).as("no actor named").isEmpty();
        SeriesKey reported = new SeriesKey(SeriesKey.Source.STATISTIC, "Houthis", List.of("YE"), "attack", null);
        assertThat(rule.evaluate(reported, first)).as("a reported total is no first appearance").isEmpty();
    }

    @Test
    void minSourcesHoldsAFigureBackUntilCorroborated() {
        RuleSet rules = RuleBook.parse("""
                {"rules": [{"id": "doubling-2-sources", "kind": "yoy-doubling", "severity": "medium",
                  "parameters": {"minSources": 2}}]}""", "test");
        List<Observation> oneSource = List.of(stat(Period.year(2023), 100, "2024-02-01", 1),
                stat(Period.year(2024), 250, "2025-01-10", 1));
        List<Observation> twoSources = List.of(stat(Period.year(2023), 100, "2024-02-01", 1),
                stat(Period.year(2024), 250, "2025-01-10", 2));

        assertThat(rules.evaluate(IS_ATTACKS, oneSource)).isEmpty();
        assertThat(rules.evaluate(IS_ATTACKS, twoSources)).singleElement()
                .satisfies(a -> assertThat(a.current().sources()).isEqualTo(2));
    }

    @Test
    void aDoublingInhibitsTheFiftyPercentRiseOnTheSameKey() {
        RuleSet rules = RuleBook.parse("""
                {"rules": [
                  {"id": "doubling", "kind": "yoy-projected-doubling", "severity": "medium", "parameters": {"factor": 2}},
                  {"id": "rise-50", "kind": "yoy-projected-doubling", "severity": "low", "parameters": {"factor": 1.5}}]}""",
                "test");
        List<Observation> doubled = List.of(stat(Period.year(2023), 121, "2024-07-17", 1),
                stat(Period.of("2024-01-01", "2024-06-30"), 153, "2024-07-17", 1));
        List<Observation> roseByHalf = List.of(stat(Period.year(2023), 121, "2024-07-17", 1),
                stat(Period.of("2024-01-01", "2024-06-30"), 100, "2024-07-17", 1));

        assertThat(rules.evaluate(IS_ATTACKS, doubled)).extracting(Alert::rule).containsExactly("doubling");
        assertThat(rules.evaluate(IS_ATTACKS, roseByHalf)).extracting(Alert::rule).containsExactly("rise-50");
    }

    @Test
    void theFigureCoveringMostOfTheYearStandsForItEvenWhenRevisedDown() {
        RuleSet rules = RuleSet.standard(RuleSettings.DEFAULTS);
        List<Observation> obs = List.of(stat(Period.year(2023), 121, "2024-01-20", 1),
                stat(Period.of("2024-01-01", "2024-09-30"), 300, "2024-10-16", 1),
                stat(Period.year(2024), 200, "2025-01-21", 1));

        List<Finding> findings = rules.judge(IS_ATTACKS, History.of(obs)).stream()
                .filter(f -> f.alert().rule().equals("yoy-projected-doubling")).toList();

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.alert().current().count()).isEqualTo(200);
            assertThat(f.alert().target()).isEqualTo(Period.year(2024));
            assertThat(f.alert().ratio()).isEqualTo(1.65);
            assertThat(f.fires()).isFalse();
            assertThat(f.mayOpen()).as("a full year is no projection").isFalse();
        });
    }
}
