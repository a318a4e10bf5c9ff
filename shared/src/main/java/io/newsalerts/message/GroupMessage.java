package io.newsalerts.message;

import io.newsalerts.domain.Alert;

import java.util.List;

/**
 * One message about a group of alerts raised together for one actor (see {@link Grouping}): one SMS, one subject,
 * one email listing each alert in full. A group of one reads exactly like that alert's own message.
 */
public final class GroupMessage {

    private final List<Alert> alerts;

    public GroupMessage(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            throw new IllegalArgumentException("a group has at least one alert");
        }
        this.alerts = List.copyOf(alerts);
    }

    public List<Alert> alerts() {
        return alerts;
    }

    private AlertMessage lead() {
        return AlertMessage.of(alerts.getFirst());
    }

    private String more() {
        return alerts.size() == 1 ? "" : " (+" + (alerts.size() - 1) + " more)";
    }

    /** The first alert's SMS, shortened to leave room for "(+N more)": at most 160 GSM-7 septets. */
    public String sms() {
        if (alerts.size() == 1) {
            return lead().sms();
        }
        String prefix = lead().lifecyclePrefix();
        String suffix = more();
        return prefix + lead().smsWithin(AlertMessage.SMS_LIMIT - Gsm7.septets(prefix) - Gsm7.septets(suffix)) + suffix;
    }

    /** The first alert's subject and "(+N more)": one ASCII line under 100 characters. */
    public String emailSubject() {
        if (alerts.size() == 1) {
            return lead().emailSubject();
        }
        String prefix = lead().lifecyclePrefix();
        String suffix = more();
        return prefix + lead().subjectWithin(AlertMessage.SUBJECT_LIMIT - prefix.length() - suffix.length()) + suffix;
    }

    /** Every alert of the group in full, one after another, then how to unsubscribe. */
    public String emailBody() {
        if (alerts.size() == 1) {
            return lead().emailBody();
        }
        StringBuilder b = new StringBuilder();
        b.append(alerts.size()).append(" alerts raised together about ")
                .append(alerts.getFirst().series().actor()).append(".\n\n");
        int i = 0;
        for (Alert n : alerts) {
            i++;
            b.append("=== ").append(i).append(" of ").append(alerts.size()).append(": ")
                    .append(AlertMessage.of(n).emailSubject()).append(" ===\n\n");
            b.append(AlertMessage.of(n).emailSection()).append('\n');
        }
        b.append(AlertMessage.unsubscribeFooter());
        return b.toString();
    }
}
