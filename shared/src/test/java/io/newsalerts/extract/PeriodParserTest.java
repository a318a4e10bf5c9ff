package io.newsalerts.extract;

import io.newsalerts.domain.Period;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodParserTest {

    private static final LocalDate PUB = LocalDate.of(2024, 7, 17); // a Wednesday

    private static Period one(String s) {
        List<PeriodParser.Span> spans = PeriodParser.find(s, PUB);
        assertThat(spans).as(s).hasSize(1);
        return spans.getFirst().period();
    }

    @Test
    void comparisonsCountBackFromTheFigureComparedWith() {
        Period q3 = Period.quarter(2024, 3);
        assertThat(PeriodParser.monthsBefore(" in the previous three months, a monitor said", 0, q3))
                .isEqualTo(Period.quarter(2024, 2));
        assertThat(PeriodParser.monthsBefore(" the quarter before", 0, q3)).isEqualTo(Period.quarter(2024, 2));
        assertThat(PeriodParser.monthsBefore(" the month before, a think tank said", 0, Period.month(2024, 8)))
                .isEqualTo(Period.month(2024, 7));
        assertThat(PeriodParser.monthsBefore(" a month earlier", 0, Period.month(2024, 1)))
                .isEqualTo(Period.month(2023, 12));
        // not at the start, not a whole word, or a reference that starts mid-month: not this phrase
        assertThat(PeriodParser.monthsBefore(" attacks, the most since the month before", 0, q3)).isNull();
        assertThat(PeriodParser.monthsBefore(" the previous monthly report", 0, q3)).isNull();
        assertThat(PeriodParser.monthsBefore(" the month before", 0, Period.of("2024-07-11", "2024-07-17"))).isNull();
    }

    @Test
    void lengthsUpToAMonthOrDayRunBackFromItsEnd() {
        String s = "in the three months to June, officials said";
        PeriodParser.Span june = PeriodParser.find(s, PUB).getFirst();
        PeriodParser.Span q2 = PeriodParser.upTo(s, june);
        assertThat(q2.period()).isEqualTo(Period.quarter(2024, 2));
        assertThat(s.substring(q2.start(), q2.end())).isEqualTo("the three months to June");
        String w = "in the week to Sunday";
        assertThat(PeriodParser.upTo(w, PeriodParser.find(w, PUB).getFirst()).period())
                .isEqualTo(Period.of("2024-07-08", "2024-07-14"));
        assertThat(PeriodParser.upTo(w, PeriodParser.find(w, PUB).getFirst()).day()).isFalse();
        // a month with no length and "to" right before it is left as it is
        String r = "attacks rose to 40 in June";
        PeriodParser.Span only = PeriodParser.find(r, PUB).getFirst();
        assertThat(PeriodParser.upTo(r, only)).isSameAs(only);
    }

    @Test
    void yearsHalvesQuartersAndMonthsResolve() {
        assertThat(one("in 2023")).isEqualTo(Period.year(2023));
        assertThat(one("in the first six months of 2024")).isEqualTo(Period.of("2024-01-01", "2024-06-30"));
        assertThat(one("in the first half of last year")).isEqualTo(Period.of("2023-01-01", "2023-06-30"));
        assertThat(one("during the third quarter of 2023")).isEqualTo(Period.quarter(2023, 3));
        assertThat(one("in Q1 2024")).isEqualTo(Period.quarter(2024, 1));
        assertThat(one("in June")).isEqualTo(Period.month(2024, 6));
        assertThat(one("in November")).isEqualTo(Period.month(2023, 11)); // the latest November before publication
        assertThat(one("in late January")).isEqualTo(Period.month(2024, 1));
    }

    @Test
    void relativeExpressionsResolveAgainstPublication() {
        assertThat(one("last year")).isEqualTo(Period.year(2023));
        assertThat(one("so far this year")).isEqualTo(Period.of("2024-01-01", "2024-07-17"));
        assertThat(one("since October")).isEqualTo(Period.of("2023-10-01", "2024-07-17"));
        assertThat(one("From October to February")).isEqualTo(Period.of("2023-10-01", "2024-02-29"));
        assertThat(one("in the past week")).isEqualTo(Period.of("2024-07-11", "2024-07-17"));
        assertThat(one("last month")).isEqualTo(Period.month(2024, 6));
    }

    @Test
    void daysResolveToTheLatestSuchDay() {
        List<PeriodParser.Span> s = PeriodParser.find("On Tuesday", PUB);
        assertThat(s.getFirst().period()).isEqualTo(Period.day(LocalDate.of(2024, 7, 16)));
        assertThat(s.getFirst().day()).isTrue();
        assertThat(one("on Wednesday")).isEqualTo(Period.day(PUB));
        assertThat(one("on July 4")).isEqualTo(Period.day(LocalDate.of(2024, 7, 4)));
    }

    @Test
    void periodsRunningPastPublicationAreCutAtIt() {
        assertThat(one("in 2024")).isEqualTo(Period.of("2024-01-01", "2024-07-17"));
        assertThat(PeriodParser.find("in 2025", PUB)).isEmpty();
    }

    /**
     * A phrase is found only near its trigger words and when its cue words occur, as when these were limits on
     * where the regular expressions ran: they decide some results, so they are kept.
     */
    @Test
    void phrasesCountOnlyNearTheirTriggerWords() {
        // "so far in 2024" has no "year", "week" or "month" of its own: without one near, it is just "in 2024"
        List<PeriodParser.Span> alone = PeriodParser.find("so far in 2024", PUB);
        assertThat(alone).hasSize(1);
        assertThat(alone.getFirst().start()).isEqualTo(7);
        List<PeriodParser.Span> near = PeriodParser.find("so far in 2024, a year", PUB);
        assertThat(near.getFirst().start()).isZero();
        assertThat(near.getFirst().end()).isEqualTo(14);
        assertThat(near.getFirst().period()).isEqualTo(Period.of("2024-01-01", "2024-07-17"));
        // "the same stretch of" starts too far before "year": only "the previous year" refers back
        Period q2 = Period.quarter(2024, 2);
        List<PeriodParser.Span> prior = PeriodParser.find("the same stretch of the previous year", PUB, q2);
        assertThat(prior).hasSize(1);
        assertThat(prior.getFirst().start()).isEqualTo(20);
        assertThat(prior.getFirst().period()).isEqualTo(Period.quarter(2023, 2));
        List<PeriodParser.Span> same = PeriodParser.find("the same period of the previous year", PUB, q2);
        assertThat(same.getFirst().start()).isZero();
        assertThat(same.getFirst().period()).isEqualTo(Period.quarter(2023, 2));
    }

    @Test
    void modalMayIsNotAMonthAndCompoundYearsAreNotYears() {
        assertThat(PeriodParser.find("attacks may rise", PUB)).isEmpty();
        assertThat(PeriodParser.find("a 2023-style offensive", PUB)).isEmpty();
    }
}
