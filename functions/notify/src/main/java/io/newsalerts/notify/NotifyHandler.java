package io.newsalerts.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.api.StreamBatch;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.Priming;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** SnapStart priming: a stream batch whose record is not a new alert (read, skipped, answered). */
    private static final String PRIMING_EVENT = """
            {"Records":[{"eventID":"priming","eventName":"MODIFY","eventSource":"aws:dynamodb","dynamodb":{
             "Keys":{"id":{"S":"__priming__"}},"NewImage":{"id":{"S":"__priming__"}},"SequenceNumber":"0"}}]}""";

    private final Delivery delivery;
    private final int sweepLimit;
    private Priming priming; // held here: the CRaC context keeps resources only weakly

    /** Called by Lambda: clients built once per container, at init. Env: TOPIC_ARN, ALERTS_TABLE, SWEEP_LIMIT. */
    public NotifyHandler() {
        this(Clients.fromEnvironment());
    }

    private NotifyHandler(Clients clients) {
        this(new AlertRepository(clients.dynamoDb(), Tables.fromEnvironment().alerts()), clients);
    }

    private NotifyHandler(AlertRepository alerts, Clients clients) {
        this(alerts, new AlertPublisher(clients.sns(), requiredEnv("TOPIC_ARN")), sweepLimitFromEnvironment());
        this.priming = Priming.register("notify", () -> prime(alerts));
    }

    /**
     * A batch read and answered, and one read of the alerts table (an alert that does not exist). Nothing is
     * published: the role may only Publish, and a test message would reach every subscriber.
     */
    private void prime(AlertRepository alerts) {
        try {
            handleRequest(new ByteArrayInputStream(PRIMING_EVENT.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        alerts.isPending("__priming__");
    }

    public NotifyHandler(AlertRepository alerts, AlertPublisher publisher, int sweepLimit) {
        this.delivery = new Delivery(alerts, publisher);
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
