package io.newsalerts.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.api.StreamBatch;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;
import io.newsalerts.log.Metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Notify function, two triggers:
 * <ul>
 * <li>the alerts table's stream: each INSERT of a pending alert is published; records that fail are returned as
 * {@code batchItemFailures} (ReportBatchItemFailures), so Lambda retries them while the alert stays pending;</li>
 * <li>an EventBridge schedule: a sweep publishes every alert still pending (those whose stream records ran out of
 * retries, or were published while SNS was down), and fails the invocation if any could not be published, so the
 * Errors metric shows it.</li>
 * </ul>
 */
public final class NotifyHandler implements RequestStreamHandler {

    static final int DEFAULT_SWEEP_LIMIT = 200;

    /** Which trigger an event came from. */
    enum Trigger {
        STREAM, SCHEDULE;

        static Trigger of(JsonNode event) {
            if (event != null && event.has("Records")) {
                return STREAM;
            }
            if (event != null && ("Scheduled Event".equals(event.path("detail-type").asText())
                    || "aws.scheduler".equals(event.path("source").asText()))) {
                return SCHEDULE;
            }
            throw new IllegalArgumentException("not a DynamoDB stream batch or a scheduled event");
        }
    }

    private final Delivery delivery;
    private final int sweepLimit;

    /** Called by Lambda: clients built once per container, at init. Env: TOPIC_ARN, ALERTS_TABLE, SWEEP_LIMIT. */
    public NotifyHandler() {
        this(Clients.fromEnvironment());
    }

    private NotifyHandler(Clients clients) {
        this(new AlertRepository(clients.dynamoDb(), Tables.fromEnvironment().alerts()),
                new AlertPublisher(clients.sns(), requiredEnv("TOPIC_ARN")),
                sweepLimitFromEnvironment());
    }

    public NotifyHandler(AlertRepository alerts, AlertPublisher publisher, int sweepLimit) {
        this.delivery = new Delivery(alerts, publisher);
        this.sweepLimit = sweepLimit;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        Metrics metrics = Metrics.of("notify").add(Metrics.Name.NotificationsSent, 0);
        try {
            ObjectNode response = switch (Trigger.of(event)) {
                case STREAM -> onStream(event, metrics);
                case SCHEDULE -> onSchedule(metrics);
            };
            Json.MAPPER.writeValue(output, response);
        } finally {
            metrics.flush();
        }
    }

    private ObjectNode onStream(JsonNode event, Metrics metrics) {
        ObjectNode response = StreamBatch.process(event, record -> {
            if (!record.isInsert() || !AlertRepository.isPendingItem(record.newImage())) {
                return; // "marked sent" modifications and removals come through the same stream
            }
            Alert alert;
            try {
                alert = AlertRepository.fromItem(record.newImage());
            } catch (RuntimeException unreadable) {
                // Retrying cannot fix a malformed item, and a retried record holds up its whole shard: log, move on.
                Log.error("alert item unreadable, not retried", unreadable, "sequenceNumber", record.sequenceNumber(),
                        "alertId", record.keys().containsKey("id") ? record.keys().get("id").s() : null);
                return;
            }
            if (delivery.deliver(alert) == Delivery.Outcome.PUBLISHED) {
                metrics.add(Metrics.Name.NotificationsSent, 1);
            }
        }, (record, e) -> Log.error("alert not published, record will be retried", e,
                "sequenceNumber", record.sequenceNumber()));
        metrics.add(Metrics.Name.Failures, response.path("batchItemFailures").size());
        return response;
    }

    private ObjectNode onSchedule(Metrics metrics) {
        Delivery.Sweep s = delivery.sweep(sweepLimit);
        metrics.add(Metrics.Name.NotificationsSent, s.published()).add(Metrics.Name.Failures, s.failed());
        if (s.failed() > 0) {
            throw new IllegalStateException(s.failed() + " pending alert(s) could not be published; they stay pending "
                    + "for the next sweep");
        }
        ObjectNode out = Json.object();
        out.put("published", s.published());
        out.put("alreadySent", s.alreadySent());
        return out;
    }

    private static int sweepLimitFromEnvironment() {
        String v = System.getenv("SWEEP_LIMIT");
        return v == null || v.isBlank() ? DEFAULT_SWEEP_LIMIT : Integer.parseInt(v.strip());
    }

    private static String requiredEnv(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set: the function needs the alerts topic ARN");
        }
        return v.strip();
    }
}
