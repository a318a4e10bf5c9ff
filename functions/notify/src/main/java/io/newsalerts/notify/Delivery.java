package io.newsalerts.notify;

import io.newsalerts.domain.AlertState;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.domain.Alert;
import io.newsalerts.log.Log;
import io.newsalerts.message.Grouping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers pending alerts: claim, publish, then mark sent. An alert is marked sent only after SNS accepted it, so a
 * failed publish leaves it pending for the next try, and an alert already marked sent (by an earlier try of the same
 * record, or by the sweep) is skipped.
 *
 * <p>Alerts raised together (one stream batch, one sweep) are grouped ({@link Grouping}) and each group is published
 * as one message. Claims stay per alert: a group is made of the alerts this delivery managed to claim; one SNS message
 * id is then recorded on each. If the publish fails, every claim of the group is released and every alert stays
 * pending. The trade-off: an alert that arrives in a later batch than its siblings goes out in its own message, and a
 * failed group is retried as a whole (possibly regrouped differently), never half-sent.
 *
 * <p>Before publishing, a delivery claims each alert for a short lease, so the stream, its retries and the sweep
 * never publish the same alert at the same moment. What remains is at-least-once: a crash between publish and mark
 * sends it again once the lease runs out. SNS standard topics have no deduplication, and FIFO topics cannot deliver
 * to email or SMS.
 *
 * <p>A silenced alert is recorded as handled (marked sent with no message) and never published.
 */
final class Delivery {

    /** Longer than a publish can take (the SNS client's timeouts), short enough for a quick retry after a crash. */
    static final Duration LEASE = Duration.ofSeconds(60);
    /** The message id recorded on a silenced alert: nothing was published. */
    static final String NOT_PUBLISHED_SILENCED = "silenced";

    /** What became of one group. */
    record Sent(List<Alert> published, int alreadySent, int silenced, String messageId) {
    }

    /** A sweep's tally; failed alerts stay pending. */
    record Sweep(int published, int alreadySent, int failed, int messages) {
    }

    private final AlertRepository alerts;
    private final AlertPublisher publisher;

    Delivery(AlertRepository alerts, AlertPublisher publisher) {
        this.alerts = alerts;
        this.publisher = publisher;
    }

    /** Publishes one alert unless it is no longer pending; failures propagate and leave it pending. */
    Sent deliver(Alert alert) {
        return deliver(List.of(alert));
    }

    /**
     * Publishes one group as one message: the alerts this delivery can claim (the others are already sent or being
     * sent). Failures propagate after releasing every claim, leaving every alert of the group pending.
     */
    Sent deliver(List<Alert> group) {
        List<Alert> claimed = new ArrayList<>();
        int already = 0;
        int silenced = 0;
        for (Alert n : group) {
            String id = n.id();
            if (!alerts.claim(id, LEASE)) {
                Log.info("alert already sent or being sent, skipped", "alertId", id);
                already++;
            } else if (n.state() == AlertState.SILENCED) {
                alerts.markSent(id, NOT_PUBLISHED_SILENCED);
                Log.info("alert silenced, recorded and not published", "alertId", id);
                silenced++;
            } else {
                claimed.add(n);
            }
        }
        if (claimed.isEmpty()) {
            return new Sent(List.of(), already, silenced, null);
        }
        String messageId;
        try {
            messageId = publisher.publish(claimed);
        } catch (RuntimeException e) {
            claimed.forEach(n -> alerts.release(n.id()));
            throw e;
        }
        for (Alert n : claimed) {
            String id = n.id();
            if (alerts.markSent(id, messageId)) {
                Log.info("alert published", "alertId", id, "messageId", messageId, "rule", n.rule(),
                        "severity", n.severity().wire(), "lifecycle", n.state().wire(), "groupSize", claimed.size());
            } else {
                // Another delivery marked it between our claim and our publish: subscribers got it twice.
                Log.warn("alert published but another delivery had already sent it", "alertId", id, "messageId", messageId);
            }
        }
        return new Sent(List.copyOf(claimed), already, silenced, messageId);
    }

    /** Tries every pending alert (up to limit), grouped; one failed group does not stop the others. */
    Sweep sweep(int limit) {
        List<Alert> pending = alerts.pending(limit);
        int published = 0;
        int already = 0;
        int failed = 0;
        int messages = 0;
        for (List<Alert> group : Grouping.groups(pending)) {
            try {
                Sent s = deliver(group);
                published += s.published().size();
                already += s.alreadySent() + s.silenced();
                messages += s.messageId() == null ? 0 : 1;
            } catch (RuntimeException e) {
                failed += group.size();
                Log.error("alerts not published, stay pending", e, "alertIds",
                        String.join(",", group.stream().map(n -> n.id()).toList()));
            }
        }
        Log.info("sweep done", "pending", pending.size(), "published", published, "alreadySent", already,
                "failed", failed, "messages", messages);
        return new Sweep(published, already, failed, messages);
    }
}
