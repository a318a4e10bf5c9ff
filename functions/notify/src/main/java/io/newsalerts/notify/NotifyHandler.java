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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Notify function, two triggers:
 * <ul>
 * <li>the alerts table's stream: each new pending alert, and each lifecycle transition that made one pending again
 * (escalated, resolved), is published; records that fail are returned as
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
    private final AlertRepository alerts;
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
        this.alerts = alerts;
        this.sweepLimit = sweepLimit;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        ObjectNode response = switch (Trigger.of(event)) {
            case STREAM -> onStream(event);
            case SCHEDULE -> onSchedule();
        };
        Json.MAPPER.writeValue(output, response);
    }

    private ObjectNode onStream(JsonNode event) {
        return StreamBatch.process(event, record -> {
            if (!AlertRepository.isDeliverableImage(record.newImage())) {
                return; // claims, "marked sent" modifications and removals come through the same stream
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
            if (!alerts.isLatestState(record.newImage())) {
                // A later lifecycle transition replaced this state; that transition's own record delivers it.
                Log.info("alert state superseded, skipped", "alertId", alert.id());
                return;
            }
            delivery.deliver(alert);
        }, (record, e) -> Log.error("alert not published, record will be retried", e,
                "sequenceNumber", record.sequenceNumber()));
    }

    private ObjectNode onSchedule() {
        Delivery.Sweep s = delivery.sweep(sweepLimit);
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
