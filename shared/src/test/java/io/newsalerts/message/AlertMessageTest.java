package io.newsalerts.message;

import io.newsalerts.domain.AlertState;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.domain.Severity;
import io.newsalerts.testing.SampleAlerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMessageTest {

    private final AlertMessage seed = AlertMessage.of(SampleAlerts.islamicStateIraqSyria());

    @Test
    void smsForTheSeedArticleReadsLikeAHeadlineWithTheFigures() {
        assertThat(seed.sms()).isEqualTo(
                "Islamic State attacks IQ+SY on pace to double: 153 in H1 2024 (~307/yr) vs 121 in 2023 (x2.54)");
    }

    @Test
    void smsForASamePeriodComparisonSaysDoubled() {
        assertThat(AlertMessage.of(SampleAlerts.droneAttacksIraq(Severity.MEDIUM)).sms()).isEqualTo(
                "Islamic Resistance in Iraq drone attacks IQ doubled: 40 in Q1 2024 vs 18 in Q1 2023 (x2.22)");
    }

    @Test
    void smsWithoutAnActorStartsWithTheEventsAndNamesTheArea() {
        assertThat(AlertMessage.of(SampleAlerts.shipAttacksRedSea()).sms()).isEqualTo(
                "Ship attacks in Red Sea doubled: 12 in Jan 2024 vs 3 in Jan 2023 (x4)");
    }

    @Test
    void aLongActorNameFallsBackToItsKnownShortForm() {
        Alert a = alert("Islamic State West Africa Province", List.of("NG", "NE", "TD", "CM"),
                "attack on a military base or checkpoint of the armed forces");
        String sms = AlertMessage.of(a).sms();
        assertThat(sms).isEqualTo("ISWAP attacks on a military base or checkpoint of the armed forces CM+NE+NG+TD "
                + "on pace to double: 153 in H1 2024 (~307/yr) vs 121 in 2023 (x2.54)");
        assertThat(Gsm7.septets(sms)).isLessThanOrEqualTo(160);
    }

    @Test
    void anUnknownLongActorIsTruncatedButTheFiguresSurvive() {
        Alert a = alert("The Extraordinarily Long-Named Coalition of Armed Groups for the Liberation of Everywhere Else",
                List.of("IQ", "SY", "JO", "LB", "IL", "PS", "EG"), "drone attack");
        String sms = AlertMessage.of(a).sms();
        assertThat(Gsm7.septets(sms)).isLessThanOrEqualTo(160);
        assertThat(sms).startsWith("The Extraordinarily").contains("...").contains("7 countries")
                .endsWith("153 in H1 2024 vs 121 in 2023 (x2.54)");
    }

    @Test
    void nonLatinActorNamesAreTransliteratedOrLeftOut() {
        assertThat(AlertMessage.of(alert("Вагнер", List.of("ML"), "attack")).sms())
                .startsWith("Vagner attacks ML on pace to double");
        // Arabic has no GSM form at all: the message still reads, without the name.
        assertThat(AlertMessage.of(alert("الدولة الإسلامية", List.of("IQ"), "attack")).sms())
                .startsWith("Attacks IQ on pace to double: 153 in H1 2024");
    }

    @Test
    void emailSubjectNamesTheCountriesInWords() {
        assertThat(seed.emailSubject()).isEqualTo("Islamic State attacks in Iraq and Syria on track to double (x2.54)");
        assertThat(AlertMessage.of(SampleAlerts.droneAttacksIraq(Severity.MEDIUM)).emailSubject())
                .isEqualTo("Islamic Resistance in Iraq drone attacks in Iraq doubled year on year in Q1 2024 (x2.22)");
    }

    @Test
    void emailSubjectStaysUnderTheSnsLimitAndAscii() {
        Alert a = alert("Jama'at Nusrat al-Islam wal-Muslimin", List.of("BF", "ML", "NE", "CI", "TG", "BJ"), "attack");
        String subject = AlertMessage.of(a).emailSubject();
        assertThat(subject).hasSizeLessThan(100).doesNotContain("\n").matches("\\p{Graph}[\\x20-\\x7E]*");
        assertThat(subject).isEqualTo("Jama'at Nusrat al-Islam wal-Muslimin attacks in 6 countries on track to double (x2.54)");
        assertThat(AlertMessage.of(alert("Forces de défense", List.of("CI"), "attack")).emailSubject())
                .isEqualTo("Forces de defense attacks in Cote d'Ivoire on track to double (x2.54)");
    }

    @Test
    void emailBodyHasFiguresRuleEvidenceAndUnsubscribe() {
        String body = seed.emailBody();
        assertThat(body).startsWith("Islamic State attacks in Iraq and Syria are on track to double in 2024.\n");
        assertThat(body).contains("  H1 2024: 153\n")
                .contains("  2024, projected: about 307 (153 in 182 days, scaled to 366 days)\n")
                .contains("  2023: 121\n")
                .contains("  Ratio: x2.54\n")
                .contains("  Severity: high\n")
                .contains("totals reported in the news");
        assertThat(body).contains("Rule (yoy-projected-doubling): an alert is raised when the count so far this year, "
                + "scaled to the full year, is at least twice the previous full year's count");
        assertThat(body).contains("1. \"In a statement, CENTCOM said IS had claimed responsibility for 153 attacks across the "
                        + "two countries during the first six months of 2024.\"\n     According to: CENTCOM\n     Source: "
                        + SampleAlerts.SOURCE_URL)
                .contains("2. \"The group carried out 121 attacks in Iraq and Syria in 2023")
                .contains("According to: U.S. defense official");
        assertThat(body).contains("To unsubscribe").contains("DELETE /subscriptions/");
        assertThat(body).contains("Alert id: " + SampleAlerts.islamicStateIraqSyria().id());
    }

    @Test
    void emailBodyShowsTheTrendAsATableWithBars() {
        assertThat(seed.emailBody()).contains("Trend (attacks)\n"
                + "  2023              121 |############\n"
                + "  H1 2024           153 |###############\n"
                + "  2024 (projected) ~307 |##############################\n");
        assertThat(AlertMessage.of(SampleAlerts.droneAttacksIraq(Severity.MEDIUM)).emailBody()).contains("Trend (drone attacks)\n"
                + "  Q1 2023 18 |##############\n"
                + "  Q1 2024 40 |##############################\n");
    }

    @Test
    void theLifecycleStateLeadsEveryText() {
        Alert alert = SampleAlerts.islamicStateIraqSyria();
        AlertMessage resolved = AlertMessage.of(alert.withState(AlertState.RESOLVED));
        AlertMessage escalated = AlertMessage.of(alert.withState(AlertState.ESCALATED));
        assertThat(resolved.sms()).startsWith("Resolved: Islamic State attacks IQ+SY on pace to double: 153").hasSizeLessThanOrEqualTo(160);
        assertThat(escalated.sms()).startsWith("Escalated: ").contains("153 in H1 2024").hasSizeLessThanOrEqualTo(160);
        assertThat(resolved.emailSubject()).startsWith("Resolved: Islamic State attacks").hasSizeLessThan(100);
        assertThat(resolved.emailBody()).startsWith("RESOLVED: newer figures no longer meet this alert's rule");
        assertThat(escalated.emailBody()).startsWith("ESCALATED: this alert has got materially worse");
        assertThat(AlertMessage.of(alert).sms()).isEqualTo(seed.sms());
    }

    @Test
    void emailBodyForTheSamePeriodRuleExplainsTheComparison() {
        String body = AlertMessage.of(SampleAlerts.droneAttacksIraq(Severity.MEDIUM)).emailBody();
        assertThat(body).startsWith("Islamic Resistance in Iraq drone attacks in Iraq doubled in Q1 2024 compared with a year earlier.")
                .contains("at least twice the count for the same period a year earlier (here Q1 2024 against Q1 2023)")
                .contains("incidents reported in the news articles we read")
                .doesNotContain("projected");
    }

    @ParameterizedTest
    @CsvSource({"attack,attacks", "drone attack,drone attacks", "fatality,fatalities", "kidnapping,kidnappings",
            "airstrikes,airstrikes", "day,days", "crash,crashes", "attack on a base,attacks on a base"})
    void eventTypesArePlural(String noun, String plural) {
        assertThat(AlertMessage.plural(noun)).isEqualTo(plural);
    }

    @Test
    void countryNamesComeFromTheJdk() {
        assertThat(AlertMessage.countryName("IQ")).isEqualTo("Iraq");
        assertThat(AlertMessage.countryName("SY")).isEqualTo("Syria");
        assertThat(AlertMessage.countryName("ZZ")).isEqualTo("ZZ");
    }

    static Alert alert(String actor, List<String> regions, String eventType) {
        return new Alert("yoy-projected-doubling",
                new SeriesKey(SeriesKey.Source.STATISTIC, actor, regions, eventType, null),
                new Observation(Period.of("2024-01-01", "2024-06-30"), 153),
                new Observation(Period.year(2023), 121),
                307L, 2.54, Severity.HIGH, Period.year(2024));
    }
}
