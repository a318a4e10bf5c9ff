package io.newsalerts.message;

import io.newsalerts.domain.Alert;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The daily digest for one subscriber filter: the alerts delivered during the day that match it, most severe first,
 * one compact entry each (subject, figures, sources), so a busy day fits one email.
 */
public final class DigestMessage {

    /** Entries listed in full; a larger day says how many more there were (SNS caps a message at 256 KB). */
    public static final int MAX_ENTRIES = 50;

    private final LocalDate day;
    private final List<Alert> alerts;

    public DigestMessage(LocalDate day, List<Alert> alerts) {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a digest lists at least one alert");
        }
        this.day = day;
        this.alerts = alerts.stream()
                .sorted(Comparator.comparing((Alert a) -> a.severity()).reversed().thenComparing(Alert::id))
                .toList();
    }

    public List<Alert> alerts() {
        return alerts;
    }

    public LocalDate day() {
        return day;
    }

    private String count() {
        return alerts.size() == 1 ? "1 alert" : alerts.size() + " alerts";
    }

    /** "News Alerts digest 2024-07-17: 3 alerts. IS attacks IQ+SY on pace to double: ... (+2 more)", 160 septets. */
    public String sms() {
        String head = "News Alerts digest " + day + ": " + count() + ". ";
        String more = alerts.size() == 1 ? "" : " (+" + (alerts.size() - 1) + " more)";
        int budget = AlertMessage.SMS_LIMIT - Gsm7.septets(head) - Gsm7.septets(more);
        return head + AlertMessage.of(alerts.getFirst()).smsWithin(budget) + more;
    }

    public String emailSubject() {
        return "News Alerts daily digest for " + day + ": " + count();
    }

    public String emailBody() {
        StringBuilder b = new StringBuilder();
        b.append("News Alerts daily digest for ").append(day).append(": ").append(count())
                .append(" matching your filters, most severe first.\n\n");
        int n = 0;
        for (Alert a : alerts) {
            if (n == MAX_ENTRIES) {
                b.append("... and ").append(alerts.size() - MAX_ENTRIES).append(" more alerts.\n\n");
                break;
            }
            n++;
            AlertMessage m = AlertMessage.of(a);
            b.append(n).append(". ").append(m.emailSubject()).append('\n');
            b.append("   ").append(a.current().period().label()).append(": ").append(a.current().count());
            if (a.projected() != null) {
                b.append(" (~").append(a.projected()).append(" projected for ").append(a.target().label()).append(')');
            }
            b.append(" vs ").append(a.baseline().period().label()).append(": ").append(a.baseline().count())
                    .append("; severity ").append(a.severity().wire()).append('\n');
            a.evidence().stream().map(e -> e.source()).filter(s -> s != null && !s.isBlank()).distinct().limit(3)
                    .forEach(s -> b.append("   Source: ").append(s.replaceAll("\\s+", " ")).append('\n'));
            b.append("   Alert id: ").append(a.id()).append("\n\n");
        }
        b.append(AlertMessage.unsubscribeFooter());
        return b.toString();
    }
}
