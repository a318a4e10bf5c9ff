package io.newsalerts.message;

import java.util.List;

/**
 * One message about a group of notices raised together for one actor (see {@link Grouping}): one SMS, one subject,
 * one email listing each alert in full. A group of one reads exactly like that alert's own message.
 */
public final class GroupMessage {

    private final List<Notice> notices;

    public GroupMessage(List<Notice> notices) {
        if (notices.isEmpty()) {
            throw new IllegalArgumentException("a group has at least one notice");
        }
        this.notices = List.copyOf(notices);
    }

    public List<Notice> notices() {
        return notices;
    }

    private AlertMessage lead() {
        return AlertMessage.of(notices.getFirst());
    }

    private String more() {
        return notices.size() == 1 ? "" : " (+" + (notices.size() - 1) + " more)";
    }

    /** The first alert's SMS, shortened to leave room for "(+N more)": at most 160 GSM-7 septets. */
    public String sms() {
        if (notices.size() == 1) {
            return lead().sms();
        }
        String prefix = lead().lifecyclePrefix();
        String suffix = more();
        return prefix + lead().smsWithin(AlertMessage.SMS_LIMIT - Gsm7.septets(prefix) - Gsm7.septets(suffix)) + suffix;
    }

    /** The first alert's subject and "(+N more)": one ASCII line under 100 characters. */
    public String emailSubject() {
        if (notices.size() == 1) {
            return lead().emailSubject();
        }
        String prefix = lead().lifecyclePrefix();
        String suffix = more();
        return prefix + lead().subjectWithin(AlertMessage.SUBJECT_LIMIT - prefix.length() - suffix.length()) + suffix;
    }

    /** Every alert of the group in full, one after another, then how to unsubscribe. */
    public String emailBody() {
        if (notices.size() == 1) {
            return lead().emailBody();
        }
        StringBuilder b = new StringBuilder();
        b.append(notices.size()).append(" alerts raised together about ")
                .append(notices.getFirst().alert().series().actor()).append(".\n\n");
        int i = 0;
        for (Notice n : notices) {
            i++;
            b.append("=== ").append(i).append(" of ").append(notices.size()).append(": ")
                    .append(AlertMessage.of(n).emailSubject()).append(" ===\n\n");
            b.append(AlertMessage.of(n).emailSection()).append('\n');
        }
        b.append(AlertMessage.unsubscribeFooter());
        return b.toString();
    }
}
