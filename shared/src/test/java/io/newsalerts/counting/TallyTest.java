package io.newsalerts.counting;

import io.newsalerts.domain.Fact;
import io.newsalerts.domain.FactKind;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.Qualifier;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTest {

    private static Fact incident(String actor, List<String> regions, String day, long n) {
        return new Fact(actor, regions, "drone attack", n, Qualifier.EXACT, Period.day(LocalDate.parse(day)),
                FactKind.INCIDENT, null, "s", null);
    }

    @Test
    void anIncidentCountsOnItsDay() {
        Tally.Plan plan = Tally.plan(List.of(incident("Islamic Resistance in Iraq", List.of("IQ"), "2024-07-16", 1)));

        assertThat(plan.days()).singleElement().satisfies(d -> {
            assertThat(d.day()).isEqualTo(LocalDate.parse("2024-07-16"));
            assertThat(d.count()).isEqualTo(1);
            assertThat(d.series().encode()).isEqualTo("I|Islamic Resistance in Iraq|IQ|drone attack|-");
        });
        assertThat(plan.statistics()).isEmpty();
    }

    @Test
    void aDayGoesIntoItsYearQuarterAndMonth() {
        assertThat(Tally.calendarPeriods(LocalDate.parse("2024-07-16")))
                .containsExactly(Period.year(2024), Period.quarter(2024, 3), Period.month(2024, 7));
    }

    @Test
    void incidentsOfOneSeriesOnOneDayInOneArticleAddUp() {
        Tally.Plan plan = Tally.plan(List.of(
                incident(null, List.of("PK"), "2024-03-02", 1),
                incident(null, List.of("PK"), "2024-03-02", 2),
                incident(null, List.of("PK"), "2024-03-03", 1)));

        assertThat(plan.days()).extracting(Tally.DayCount::count).containsExactly(3L, 1L);
    }

    @Test
    void anIncidentInTwoCountriesCountsInEach() {
        Tally.Plan plan = Tally.plan(List.of(incident(null, List.of("SY", "IQ"), "2024-03-02", 1)));

        assertThat(plan.days()).extracting(d -> d.series().regions()).containsExactly(List.of("IQ"), List.of("SY"));
    }

    @Test
    void aReportedStatisticFillsASlotAndAddsNothing() {
        Fact stat = new Fact("Islamic State", List.of("IQ", "SY"), "attack", 153, Qualifier.EXACT,
                Period.of("2024-01-01", "2024-06-30"), FactKind.REPORTED, "CENTCOM", "s", null);

        Tally.Plan plan = Tally.plan(List.of(stat));

        assertThat(plan.days()).isEmpty();
        assertThat(plan.statistics()).singleElement().satisfies(s -> {
            assertThat(s.series().encode()).isEqualTo("S|Islamic State|IQ+SY|attack|-");
            assertThat(s.period()).isEqualTo(Period.of("2024-01-01", "2024-06-30"));
        });
    }
}
