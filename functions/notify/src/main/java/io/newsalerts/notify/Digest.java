package io.newsalerts.notify;

import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.SubscriptionGateway;
import io.newsalerts.domain.Alert;
import io.newsalerts.log.Log;
import io.newsalerts.message.DigestMessage;
import io.newsalerts.subscribe.AlertFilter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The daily digest: the alerts delivered during one UTC day, one message per distinct digest filter among the
 * topic's subscriptions, holding exactly the alerts that filter selects (and nothing when it selects none). Each
 * digest carries {@code delivery=digest} and its filter as {@code digestFilter}, so only the digest subscriptions
 * with that very filter receive it — one digest each.
 *
 * <p>Which alerts: those marked sent during the day (instant delivery happens for every alert, whoever listens), not
 * silenced ones. They are found by scanning the alerts table, which is fine for a daily job over a table of alerts
 * (thousands of items); a much larger table would want an index on the sent day.
 *
 * <p>At least once: a digest run that fails part way is retried by Lambda and re-sends the digests already sent.
 */
final class Digest {

    /** A run's tally. */
    record Run(LocalDate day, int alerts, int filters, int published, int failed) {
    }

    private final AlertRepository alerts;
    private final SubscriptionGateway subscriptions;
    private final AlertPublisher publisher;

    Digest(AlertRepository alerts, SubscriptionGateway subscriptions, AlertPublisher publisher) {
        this.alerts = alerts;
        this.subscriptions = subscriptions;
        this.publisher = publisher;
    }

    Run send(LocalDate day) {
        List<Alert> ofTheDay = deliveredOn(day);
        int published = 0;
        int failed = 0;
        var filters = subscriptions.digestFilters();
        for (AlertFilter f : filters) {
            List<Alert> matching = ofTheDay.stream().filter(f::matches).toList();
            if (matching.isEmpty()) {
                continue;
            }
            try {
                String messageId = publisher.publishDigest(f, new DigestMessage(day, matching));
                published++;
                Log.info("digest published", "day", day.toString(), "alerts", matching.size(), "messageId", messageId);
            } catch (RuntimeException e) {
                failed++;
                Log.error("digest not published", e, "day", day.toString(), "alerts", matching.size());
            }
        }
        Log.info("digest run done", "day", day.toString(), "alerts", ofTheDay.size(), "filters", filters.size(),
                "published", published, "failed", failed);
        return new Run(day, ofTheDay.size(), filters.size(), published, failed);
    }

    private List<Alert> deliveredOn(LocalDate day) {
        Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Alert> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : alerts.scanAll()) {
            AttributeValue sentAt = item.get("sentAt");
            AttributeValue messageId = item.get("messageId");
            if (sentAt == null || sentAt.s() == null
                    || messageId != null && Delivery.NOT_PUBLISHED_SILENCED.equals(messageId.s())) {
                continue;
            }
            Instant sent;
            try {
                sent = Instant.parse(sentAt.s());
            } catch (RuntimeException malformed) {
                continue;
            }
            if (!sent.isBefore(from) && sent.isBefore(to)) {
                try {
                    out.add(AlertRepository.fromItem(item));
                } catch (RuntimeException unreadable) {
                    Log.warn("alert item unreadable, left out of the digest", "alertId",
                            item.containsKey("id") ? item.get("id").s() : null);
                }
            }
        }
        return out;
    }
}
