package io.newsalerts.notify;

import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.domain.Alert;
import io.newsalerts.log.Log;

import java.time.Duration;
import java.util.List;

/**
 * Delivers pending alerts: publish to the topic, then mark sent. The order matters: an alert is marked sent only
 * after SNS accepted it, so a failed publish leaves it pending for the next try, and an alert already marked sent
 * (by an earlier try of the same record, or by the sweep) is skipped.
 *
 * <p>Before publishing, a delivery claims the alert for a short lease, so the stream, its retries and the sweep
 * never publish the same alert at the same moment. What remains is at-least-once: a crash between publish and mark
 * sends it again once the lease runs out. SNS standard topics have no deduplication, and FIFO topics cannot deliver
 * to email or SMS.
 */
final class Delivery {

    /** What became of one alert. */
    enum Outcome { PUBLISHED, ALREADY_SENT }

    /** Longer than a publish can take (the SNS client's timeouts), short enough for a quick retry after a crash. */
    static final Duration LEASE = Duration.ofSeconds(60);

    /** A sweep's tally; failed alerts stay pending. */
    record Sweep(int published, int alreadySent, int failed) {
    }

    private final AlertRepository alerts;
    private final AlertPublisher publisher;

    Delivery(AlertRepository alerts, AlertPublisher publisher) {
        this.alerts = alerts;
        this.publisher = publisher;
    }

    /** Publishes the alert unless it is no longer pending; publishing failures propagate and leave it pending. */
    Outcome deliver(Alert alert) {
        String id = alert.id();
        if (!alerts.claim(id, LEASE)) {
            Log.info("alert already sent or being sent, skipped", "alertId", id);
            return Outcome.ALREADY_SENT;
        }
        String messageId;
        try {
            messageId = publisher.publish(alert);
        } catch (RuntimeException e) {
            alerts.release(id);
            throw e;
        }
        if (alerts.markSent(id, messageId)) {
            Log.info("alert published", "alertId", id, "messageId", messageId, "rule", alert.rule(),
                    "severity", alert.severity().wire());
        } else {
            // Another delivery marked it between our read and our publish: subscribers got it twice.
            Log.warn("alert published but another delivery had already sent it", "alertId", id, "messageId", messageId);
        }
        return Outcome.PUBLISHED;
    }

    /** Tries every pending alert (up to limit); one failure does not stop the others. */
    Sweep sweep(int limit) {
        List<Alert> pending = alerts.pending(limit);
        int published = 0;
        int already = 0;
        int failed = 0;
        for (Alert a : pending) {
            try {
                if (deliver(a) == Outcome.PUBLISHED) {
                    published++;
                } else {
                    already++;
                }
            } catch (RuntimeException e) {
                failed++;
                Log.error("alert not published, stays pending", e, "alertId", a.id());
            }
        }
        Log.info("sweep done", "pending", pending.size(), "published", published, "alreadySent", already, "failed", failed);
        return new Sweep(published, already, failed);
    }
}
