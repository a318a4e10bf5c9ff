package io.newsalerts.extract;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recognizers answer what the regular expressions they replaced answered ({@code region(p, to).lookingAt()}
 * with transparent bounds): where a match ends, which parts it took, and what it rejects.
 */
class PeriodPhrasesTest {

    private static PeriodPhrases of(String s) {
        return PeriodPhrases.scan(s, true);
    }

    @Test
    void firstAndLastMonths() {
        String s = "the first six months of 2024";
        PeriodPhrases m = of(s);
        assertThat(m.firstMonthsAt(0, s.length())).isEqualTo(s.length());
        assertThat(m.first).isTrue();
        assertThat(m.count).isEqualTo(6);
        assertThat(m.yearRef).isEqualTo(2024);
        // the window ends before " of 2024": the optional part is left out, as the regex left it
        assertThat(m.firstMonthsAt(0, s.length() - 2)).isEqualTo("the first six months".length());
        assertThat(m.yearRef).isEqualTo(PeriodPhrases.ABSENT);

        m = of("Last 3 Months of the previous year");
        assertThat(m.firstMonthsAt(0, 34)).isEqualTo(34);
        assertThat(m.first).isFalse();
        assertThat(m.count).isEqualTo(3);
        assertThat(m.yearRef).isEqualTo(PeriodPhrases.LAST_YEAR);

        // no \b after "months" nor after the year, as in the regex
        assertThat(of("first six monthsx").firstMonthsAt(0, 17)).isEqualTo(16);
        assertThat(of("first six months of 20245").firstMonthsAt(0, 25)).isEqualTo(24);
        assertThat(of("first 1000 months").firstMonthsAt(0, 17)).isEqualTo(-1);
        assertThat(of("first seventeen months").firstMonthsAt(0, 22)).isEqualTo(-1);
        m = of("first sixty months");
        assertThat(m.firstMonthsAt(0, 18)).isEqualTo(18);
        assertThat(m.count).isEqualTo(60);
        assertThat(of("xthe first six months").firstMonthsAt(1, 21)).isEqualTo(-1); // no \b at the start
    }

    @Test
    void halvesAndQuarters() {
        PeriodPhrases m = of("the second half of last year");
        assertThat(m.halfQuarterAt(0, 28)).isEqualTo(28);
        assertThat(m.half).isTrue();
        assertThat(m.ordinal).isEqualTo(2);
        assertThat(m.yearRef).isEqualTo(PeriodPhrases.LAST_YEAR);

        m = of("The final quarter");
        assertThat(m.halfQuarterAt(0, 17)).isEqualTo(17);
        assertThat(m.half).isFalse();
        assertThat(m.finalOrdinal).isTrue();
        assertThat(m.yearRef).isEqualTo(PeriodPhrases.ABSENT);

        assertThat(of("4th quarterly").halfQuarterAt(0, 13)).isEqualTo(11);
        assertThat(of("first half").halfQuarterAt(0, 10)).isEqualTo(-1); // a half needs its year
        assertThat(of("fifth quarter").halfQuarterAt(0, 13)).isEqualTo(-1);

        m = of("in Q3 2024");
        assertThat(m.halfOrQuarterCodeAt(3)).isEqualTo(10);
        assertThat(m.code).isEqualTo('Q');
        assertThat(m.ordinal).isEqualTo(3);
        assertThat(m.year1).isEqualTo(2024);
        assertThat(of("Q5 2024").halfOrQuarterCodeAt(0)).isEqualTo(-1);
        assertThat(of("Q3 20245").halfOrQuarterCodeAt(0)).isEqualTo(-1);
        assertThat(of("q3 2024").halfOrQuarterCodeAt(0)).isEqualTo(-1);
    }

    @Test
    void ranges() {
        String s = "from early January to March 2024";
        PeriodPhrases m = of(s);
        assertThat(m.fromToAt(0, s.length())).isEqualTo(s.length());
        assertThat(m.month1).isEqualTo(1);
        assertThat(m.year1).isEqualTo(PeriodPhrases.ABSENT);
        assertThat(m.month2).isEqualTo(3);
        assertThat(m.year2).isEqualTo(2024);
        assertThat(m.betweenDatesAt(0, s.length())).isEqualTo(-1);

        s = "Between Feb. 3, 2023 and Sept. 30";
        m = of(s);
        assertThat(m.betweenDatesAt(0, s.length())).isEqualTo(s.length());
        assertThat(m.day1).isEqualTo(3);
        assertThat(m.year1).isEqualTo(2023);
        assertThat(m.month2).isEqualTo(9);
        assertThat(m.day2).isEqualTo(30);
        assertThat(m.fromToAt(0, s.length())).isEqualTo(-1);

        assertThat(of("from Mayor to June").fromToAt(0, 18)).isEqualTo(-1);
        assertThat(of("FROM January to March").fromToAt(0, 21)).isEqualTo(-1); // "[Ff]rom", months as written
        assertThat(of("from January 123 to March 5").betweenDatesAt(0, 27)).isEqualTo(-1);
    }

    @Test
    void since() {
        PeriodPhrases m = of("Since The Beginning Of 2023");
        assertThat(m.sinceStartAt(0, 27)).isEqualTo(27);
        assertThat(m.year1).isEqualTo(2023);

        String s = "since mid-June 5th, 2023";
        m = of(s);
        assertThat(m.sinceMonthAt(0, s.length())).isEqualTo(s.length());
        assertThat(m.month1).isEqualTo(6);
        assertThat(m.day1).isEqualTo(5);
        assertThat(m.year1).isEqualTo(2023);
        assertThat(of("Since Mayor").sinceMonthAt(0, 11)).isEqualTo(9); // no \b after the month
        assertThat(of("since june").sinceMonthAt(0, 10)).isEqualTo(-1);

        m = of("since last Monday");
        assertThat(m.sinceWeekdayAt(0, 17)).isEqualTo(17);
        assertThat(m.weekday).isEqualTo(DayOfWeek.MONDAY);
        assertThat(of("since Mondays").sinceWeekdayAt(0, 13)).isEqualTo(-1);

        s = "since the attack on the base in October 2023, officials said";
        m = of(s);
        assertThat(m.sinceEventAt(0, s.length())).isEqualTo(s.indexOf(','));
        assertThat(m.month1).isEqualTo(10);
        assertThat(m.year1).isEqualTo(2023);
        assertThat(of("since the attack, in October").sinceEventAt(0, 28)).isEqualTo(-1);
        String far = "since the " + "x".repeat(81) + " in October";
        assertThat(of(far).sinceEventAt(0, far.length())).isEqualTo(-1); // more than 80 between
        String surrogates = "since the " + "\uD83D\uDE00".repeat(80) + " in October";
        assertThat(of(surrogates).sinceEventAt(0, surrogates.length())).isEqualTo(-1); // 81 code points
        String near = "since the " + "\uD83D\uDE00".repeat(79) + " in October";
        assertThat(of(near).sinceEventAt(0, near.length())).isEqualTo(near.length());

        assertThat(of("since 2019").sinceYearAt(0, 10)).isEqualTo(10);
        assertThat(of("since 20190").sinceYearAt(0, 11)).isEqualTo(-1);
    }

    @Test
    void relativeAndPast() {
        PeriodPhrases m = of("So Far In 2024");
        assertThat(m.relativeAt(0, 14)).isEqualTo(14);
        assertThat(m.relative).isEqualTo(PeriodPhrases.SO_FAR_IN);
        assertThat(m.year1).isEqualTo(2024);
        assertThat(of("year to date").relativeAt(0, 12)).isEqualTo(12);
        assertThat(of("last weekend").relativeAt(0, 12)).isEqualTo(-1);
        assertThat(of("previous year").relativeAt(0, 13)).isEqualTo(-1); // only "the previous year"

        m = of("over the past 24 hours");
        assertThat(m.pastAt(0, 22)).isEqualTo(22);
        assertThat(m.count).isEqualTo(24);
        assertThat(m.unit).isEqualTo("hours");
        m = of("in the last two weeks");
        assertThat(m.pastAt(0, 21)).isEqualTo(21);
        assertThat(m.count).isEqualTo(2);
        assertThat(m.unit).isEqualTo("weeks");
        m = of("within the previous day");
        assertThat(m.pastAt(0, 23)).isEqualTo(23);
        assertThat(m.count).isEqualTo(PeriodPhrases.ABSENT);
        assertThat(of("in the past weeks2").pastAt(0, 18)).isEqualTo(-1);
        assertThat(of("in the city").pastAt(0, 11)).isEqualTo(-1);
    }

    @Test
    void anaphora() {
        assertThat(of("over the same period").sameAt(0, 20)).isEqualTo(20);
        assertThat(of("in the same twelve_month period").sameAt(0, 31)).isEqualTo(31); // \w takes "_"
        assertThat(of("in the same twelve-month period").sameAt(0, 31)).isEqualTo(-1);
        assertThat(of("in that half-year").sameAt(0, 17)).isEqualTo(17);
        assertThat(of("in the weekend").sameAt(0, 14)).isEqualTo(-1);
        String s = "in the same extraordinarily time";
        assertThat(of(s).sameAt(0, s.length())).isEqualTo(s.length());
        assertThat(of(s).sameAt(0, s.length() - 1)).isEqualTo(-1); // cut by the window: nothing shorter fits

        PeriodPhrases m = of("a year earlier");
        assertThat(m.priorAt(0, 14)).isEqualTo(14);
        assertThat(m.sameAsPrior).isFalse();
        s = "the same quarter of the previous year";
        m = of(s);
        assertThat(m.priorAt(0, s.length())).isEqualTo(s.length());
        assertThat(m.sameAsPrior).isTrue();
        assertThat(of("the same quarter last years").priorAt(0, 27)).isEqualTo(-1);
    }

    @Test
    void theScanMarksOnlyWordsThatCanOpenAPhraseThere() {
        assertThat(openers("In the past week, in the city, the first half of 2024 and Q3 2024", true)).containsExactly(
                "0:PAST", "31:HALF_QUARTER", "35:HALF_QUARTER", "49:YEAR_NUMBER", "58:HALF_OR_QUARTER_CODE",
                "61:YEAR_NUMBER");
        assertThat(openers("since May, last year, the previous year, from mid-June on Monday", true)).containsExactly(
                "0:SINCE", "6:MONTH_NAME", "11:RELATIVE", "22:PRIOR|RELATIVE", "41:RANGE", "50:MONTH_NAME",
                "58:WEEKDAY");
        // SAME and PRIOR only refer back to a period the article gave
        assertThat(openers("over the same period a year earlier", false)).isEmpty();
        assertThat(openers("over the same period a year earlier", true)).containsExactly("0:SAME", "5:PRIOR", "21:PRIOR");
        // "may" and "march" in lower case are no months; "the first quarterly" has no \b after "quarter"
        assertThat(openers("attacks may march on; the first quarterly report", true)).containsExactly(
                "22:HALF_QUARTER", "26:HALF_QUARTER");
        // "H1" to "Q4" open a code in either case (halfOrQuarterCodeAt asks for the capital), "Hi" and "H5" none
        assertThat(openers("Hi H5 h2 Q4", true)).containsExactly("6:HALF_OR_QUARTER_CODE", "9:HALF_OR_QUARTER_CODE");
    }

    private static List<String> openers(String s, boolean anaphora) {
        String[] names = {"SAME", "PRIOR", "FIRST_MONTHS", "HALF_QUARTER", "HALF_OR_QUARTER_CODE", "RANGE", "SINCE",
                "RELATIVE", "PAST", "MONTH_NAME", "YEAR_NUMBER", "WEEKDAY"};
        PeriodPhrases m = PeriodPhrases.scan(s, anaphora);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < m.openers(); k++) {
            List<String> kinds = new ArrayList<>();
            for (int b = 0; b < names.length; b++) {
                if (m.opens(k, 1 << b)) {
                    kinds.add(names[b]);
                }
            }
            out.add(m.openerAt(k) + ":" + String.join("|", kinds));
        }
        return out;
    }
}
