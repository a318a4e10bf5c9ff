package io.newsalerts.message;

import io.newsalerts.domain.AlertState;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Severity;
import io.newsalerts.testing.SampleAlerts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupingTest {

    private static Alert notice(String actor, String country, String eventType, Severity severity, AlertState state) {
        return SampleAlerts.of(actor, List.of(country), eventType, severity).withState(state);
    }

    @Test
    void noticesOfOneActorEventTypeSeverityAndStateGoTogetherWhateverTheirPlaces() {
        Alert iq = notice("Hezbollah", "IQ", "drone attack", Severity.MEDIUM, AlertState.FIRING);
        Alert sy = notice("Hezbollah", "SY", "drone attack", Severity.MEDIUM, AlertState.FIRING);
        Alert otherActor = notice("Houthis", "YE", "drone attack", Severity.MEDIUM, AlertState.FIRING);
        Alert otherEvent = notice("Hezbollah", "LB", "rocket attack", Severity.MEDIUM, AlertState.FIRING);
        Alert otherSeverity = notice("Hezbollah", "LB", "drone attack", Severity.HIGH, AlertState.FIRING);
        Alert otherState = notice("Hezbollah", "LB", "drone attack", Severity.MEDIUM, AlertState.ESCALATED);
        Alert lb = notice("Hezbollah", "LB", "drone attack", Severity.MEDIUM, AlertState.FIRING);

        assertThat(Grouping.groups(List.of(iq, otherActor, sy, otherEvent, otherSeverity, otherState, lb))).containsExactly(
                List.of(iq, sy, lb), List.of(otherActor), List.of(otherEvent), List.of(otherSeverity), List.of(otherState));
    }

    @Test
    void alertsAboutNobodyAreNeverGroupedAndGroupsAreCappedAtTen() {
        Alert ships = SampleAlerts.shipAttacksRedSea();
        List<Alert> many = new ArrayList<>();
        for (String c : List.of("IQ", "SY", "LB", "IL", "JO", "EG", "TR", "IR", "KW", "SA", "YE", "OM")) {
            many.add(notice("Hezbollah", c, "attack", Severity.LOW, AlertState.FIRING));
        }
        List<Alert> all = new ArrayList<>(many);
        all.add(0, ships);
        all.add(ships);
        List<List<Alert>> groups = Grouping.groups(all);
        assertThat(groups).containsExactly(List.of(ships), many.subList(0, 10), many.subList(10, 12), List.of(ships));
    }

    @Test
    void aGroupOfOneReadsExactlyLikeItsAlert() {
        Alert n = SampleAlerts.islamicStateIraqSyria();
        GroupMessage g = new GroupMessage(List.of(n));
        assertThat(g.sms()).isEqualTo(AlertMessage.of(n).sms());
        assertThat(g.emailSubject()).isEqualTo(AlertMessage.of(n).emailSubject());
        assertThat(g.emailBody()).isEqualTo(AlertMessage.of(n).emailBody());
    }

    @Test
    void aGroupSaysHowManyMoreAndListsEveryAlertOnceWithOneFooter() {
        Alert a = SampleAlerts.islamicStateIraqSyria().withState(AlertState.ESCALATED);
        Alert b = notice("Islamic State", "SY", "attack", Severity.HIGH, AlertState.ESCALATED);
        GroupMessage g = new GroupMessage(List.of(a, b));

        assertThat(g.sms()).startsWith("Escalated: Islamic State attacks IQ+SY").endsWith(" (+1 more)");
        assertThat(Gsm7.septets(g.sms())).isLessThanOrEqualTo(160);
        assertThat(g.emailSubject()).startsWith("Escalated: ").endsWith("(+1 more)").hasSizeLessThan(100);
        assertThat(g.emailBody()).startsWith("2 alerts raised together about Islamic State.")
                .contains("=== 1 of 2: ", "=== 2 of 2: ", "Alert id: " + a.id(), "Alert id: " + b.id());
        assertThat(g.emailBody().split("To unsubscribe", -1)).hasSize(2);
        assertThatThrownBy(() -> new GroupMessage(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDigestListsTheMostSevereFirstAndFitsOneSms() {
        Alert low = SampleAlerts.shipAttacksRedSea();
        Alert high = SampleAlerts.islamicStateIraqSyria();
        Alert medium = SampleAlerts.droneAttacksIraq(Severity.MEDIUM);
        DigestMessage d = new DigestMessage(LocalDate.of(2024, 7, 17), List.of(low, high, medium));

        assertThat(d.alerts()).containsExactly(high, medium, low);
        assertThat(d.emailSubject()).isEqualTo("News Alerts daily digest for 2024-07-17: 3 alerts");
        assertThat(d.emailBody()).startsWith("News Alerts daily digest for 2024-07-17: 3 alerts matching your filters")
                .contains("1. Islamic State attacks in Iraq and Syria on track to double (x2.54)",
                        "H1 2024: 153 (~307 projected for 2024) vs 2023: 121; severity high",
                        "Source: " + SampleAlerts.SOURCE_URL, "To unsubscribe");
        assertThat(d.sms()).startsWith("News Alerts digest 2024-07-17: 3 alerts. Islamic State attacks").endsWith("(+2 more)");
        assertThat(Gsm7.septets(d.sms())).isLessThanOrEqualTo(160);
    }
}
