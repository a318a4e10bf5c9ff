package io.newsalerts.rules;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetTest {

    private static final SeriesKey IS_ATTACKS =
            new SeriesKey(SeriesKey.Source.STATISTIC, "Islamic State", List.of("SY", "IQ"), "attack", null);
    private static final SeriesKey PK_MILITANT_ATTACKS =
            new SeriesKey(SeriesKey.Source.INCIDENTS, null, List.of("PK"), "attack", null);
    private final RuleSet rules = RuleSet.standard(RuleSettings.DEFAULTS);

    private static Observation stat(Period p, long count, String published) {
        return new Observation(p, count, List.of(), LocalDate.parse(published), 1);
    }

    @Test
    void firstHalfOnPaceToDoubleLastYearFiresOneProjectedAlert() {
        List<Observation> obs = List.of(
                stat(Period.year(2023), 121, "2024-07-17"),
                stat(Period.of("2024-01-01", "2024-06-30"), 153, "2024-07-17"));

        List<Alert> alerts = rules.evaluate(IS_ATTACKS, obs);

        assertThat(alerts).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("yoy-projected-doubling");
            assertThat(a.ratio()).isEqualTo(2.54);
            assertThat(a.projected()).isEqualTo(307L);
            assertThat(a.current().count()).isEqualTo(153);
            assertThat(a.baseline().period()).isEqualTo(Period.year(2023));
            assertThat(a.target()).isEqualTo(Period.year(2024));
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
        });
    }

    @Test
    void thresholdIsInclusiveOnTheRoundedRatio() {
        List<Observation> obs = List.of(stat(Period.year(2023), 100, "2024-02-01"), stat(Period.year(2024), 200, "2025-01-10"));

        assertThat(rules.evaluate(IS_ATTACKS, obs)).singleElement()
                .satisfies(a -> assertThat(a.rule()).isEqualTo("yoy-doubling"))
                .satisfies(a -> assertThat(a.ratio()).isEqualTo(2.0));
    }

    @Test
    void justUnderTheFactorDoesNotFire() {
        List<Observation> obs = List.of(stat(Period.year(2023), 100, "2024-02-01"), stat(Period.year(2024), 199, "2025-01-10"));

        assertThat(rules.evaluate(IS_ATTACKS, obs)).isEmpty();
    }

    @Test
    void tinyBaselineIsNotNews() {
        List<Observation> obs = List.of(stat(Period.year(2023), 1, "2024-02-01"), stat(Period.year(2024), 2, "2025-01-10"));

        assertThat(rules.evaluate(IS_ATTACKS, obs)).isEmpty();
    }

    @Test
    void doublingRecountedYearsLaterIsHistory() {
        List<Observation> obs = List.of(stat(Period.year(2016), 40, "2024-05-01"), stat(Period.year(2017), 95, "2024-05-01"));

        assertThat(rules.evaluate(IS_ATTACKS, obs)).isEmpty();
    }

    @Test
    void onlyTheLatestPeriodIsJudged() {
        List<Observation> obs = List.of(
                stat(Period.year(2016), 40, "2024-05-01"),
                stat(Period.year(2017), 95, "2024-05-01"),
                stat(Period.year(2023), 50, "2024-05-01"),
                stat(Period.of("2024-01-01", "2024-03-31"), 14, "2024-05-01"));

        assertThat(rules.evaluate(IS_ATTACKS, obs)).isEmpty();
    }

    @Test
    void twoYearGapIsNotYearOverYear() {
        List<Observation> obs = List.of(stat(Period.year(2022), 30, "2025-01-05"), stat(Period.year(2024), 90, "2025-01-05"));

        assertThat(rules.evaluate(IS_ATTACKS, obs)).isEmpty();
    }

    @Test
    void monthOverMonthJumpIsNotYearOverYear() {
        List<Observation> obs = List.of(
                new Observation(Period.month(2024, 5), 10),
                new Observation(Period.month(2024, 6), 40));

        assertThat(rules.evaluate(PK_MILITANT_ATTACKS, obs)).isEmpty();
    }

    @Test
    void sameMonthAYearEarlierDoublesForAnUnnamedActor() {
        List<Observation> obs = List.of(
                new Observation(Period.month(2023, 6), 12),
                new Observation(Period.month(2024, 6), 30),
                new Observation(Period.year(2023), 100),
                new Observation(Period.year(2024), 90));

        assertThat(rules.evaluate(PK_MILITANT_ATTACKS, obs)).singleElement().satisfies(a -> {
            assertThat(a.series().actor()).isNull();
            assertThat(a.current().period()).isEqualTo(Period.month(2024, 6));
            assertThat(a.ratio()).isEqualTo(2.5);
        });
    }

    @Test
    void tripleIsHighSeverity() {
        List<Observation> obs = List.of(stat(Period.year(2023), 100, "2024-02-01"), stat(Period.year(2024), 300, "2025-01-10"));

        assertThat(rules.evaluate(IS_ATTACKS, obs)).singleElement()
                .satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.HIGH));
    }

    @Test
    void firstHalfVersusFirstHalfIsComparedDirectly() {
        List<Observation> obs = List.of(
                stat(Period.of("2023-01-01", "2023-06-30"), 40, "2023-07-10"),
                stat(Period.of("2024-01-01", "2024-06-30"), 80, "2024-07-10"));

        assertThat(rules.evaluate(IS_ATTACKS, obs)).extracting(Alert::rule).containsExactly("yoy-doubling");
    }

    @Test
    void aShortYearToDateIsNotProjected() {
        List<Observation> obs = List.of(stat(Period.year(2023), 100, "2024-02-01"), stat(Period.month(2024, 1), 30, "2024-02-01"));

        assertThat(rules.evaluate(IS_ATTACKS, obs)).isEmpty();
    }

    @Test
    void alertIdIsTheSameForTheSameKey() {
        List<Observation> obs = List.of(stat(Period.year(2023), 121, "2024-07-17"), stat(Period.of("2024-01-01", "2024-06-30"), 153, "2024-07-17"));

        Alert first = rules.evaluate(IS_ATTACKS, obs).get(0);
        Alert again = rules.evaluate(IS_ATTACKS, obs).get(0);

        assertThat(first.id()).isEqualTo(again.id()).hasSize(24);
    }
}
