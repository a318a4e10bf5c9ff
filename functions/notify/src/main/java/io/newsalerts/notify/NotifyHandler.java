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
import io.newsalerts.aws.SubscriptionGateway;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;
import io.newsalerts.log.Metrics;
import io.newsalerts.message.Grouping;
import software.amazon.awssdk.services.sns.SnsClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Notify function, three triggers:
 * <ul>
 * <li>the alerts table's stream: the pending alerts in a batch — new ones, and lifecycle transitions (escalated,
 * resolved) that made one pending again — are grouped by actor ({@link Grouping}) and each group is published as one
 * message; the records of a group that fails are returned as
 * {@code batchItemFailures} (ReportBatchItemFailures), so Lambda retries them while the alerts stay pending;</li>
 * <li>an EventBridge schedule: a sweep publishes every alert still pending (those whose stream records ran out of
 * retries, or were published while SNS was down), grouped the same way, and fails the invocation if any could not
 * be published, so the Errors metric shows it;</li>
 * <li>a daily EventBridge schedule with the input {@code {"digest": {}}} (or {@code {"digest": {"day": "2024-07-17"}}}
 * to re-send one day): the digest of the previous UTC day's alerts to digest subscribers ({@link Digest}).</li>
 * </ul>
 */
public final class NotifyHandler implements RequestStreamHandler {

    static final int DEFAULT_SWEEP_LIMIT = 200;

    /** Which trigger an event came from. */
    enum Trigger {
        STREAM, SCHEDULE, DIGEST;

        static Trigger of(JsonNode event) {
            if (event != null && event.has("Records")) {
                return STREAM;
            }
            if (event != null && event.has("digest")) {
                return DIGEST;
            }
            if (event != null && ("Scheduled Event".equals(event.path("detail-type").asText())
                    || "aws.scheduler".equals(event.path("source").asText()))) {
                return SCHEDULE;
            }
            throw new IllegalArgumentException("not a DynamoDB stream batch, a scheduled event or a digest request");
        }
    }

    /** SnapStart priming: a stream batch whose record is not a new alert (read, skipped, answered). */
    private static final String PRIMING_EVENT = """
            {"Records":[{"eventID":"priming","eventName":"MODIFY","eventSource":"aws:dynamodb","dynamodb":{
             "Keys":{"id":{"S":"__priming__"}},"NewImage":{"id":{"S":"__priming__"}},"SequenceNumber":"0"}}]}""";

    private final Delivery delivery;
    private final AlertRepository alerts;
    private final Digest digest;
    private final int sweepLimit;
    private final Clock clock;
    private Priming priming; // held here: the CRaC context keeps resources only weakly

    /** Called by Lambda: clients built once per container, at init. Env: TOPIC_ARN, ALERTS_TABLE, SWEEP_LIMIT. */
    public NotifyHandler() {
        this(Clients.fromEnvironment());
    }

    private NotifyHandler(Clients clients) {
        this(new AlertRepository(clients.dynamoDb(), Tables.fromEnvironment().alerts()), clients.sns(), requiredEnv("TOPIC_ARN"));
    }

    /** One SNS client for publishing and for reading subscriptions (each client built costs cold-start time). */
    private NotifyHandler(AlertRepository alerts, SnsClient sns, String topicArn) {
        this(alerts, new AlertPublisher(sns, topicArn), new SubscriptionGateway(sns, topicArn),
                sweepLimitFromEnvironment(), Clock.systemUTC());
        this.priming = Priming.register("notify", () -> prime(alerts));
    }

    /**
     * A batch read and answered, and one read of the alerts table (an alert that does not exist). Nothing is
     * published: a test message would reach every subscriber.
     */
    private void prime(AlertRepository alerts) {
        try {
            handleRequest(new ByteArrayInputStream(PRIMING_EVENT.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        alerts.isPending("__priming__");
    }

    /** Instant delivery only: a digest request fails (for local runs that have no subscriptions to read). */
    public NotifyHandler(AlertRepository alerts, AlertPublisher publisher, int sweepLimit) {
        this(alerts, publisher, null, sweepLimit, Clock.systemUTC());
    }

    public NotifyHandler(AlertRepository alerts, AlertPublisher publisher, SubscriptionGateway subscriptions,
                         int sweepLimit, Clock clock) {
        this.delivery = new Delivery(alerts, publisher);
        this.alerts = alerts;
        this.digest = subscriptions == null ? null : new Digest(alerts, subscriptions, publisher);
        this.sweepLimit = sweepLimit;
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(input);
        Metrics metrics = Metrics.of("notify").add(Metrics.Name.NotificationsSent, 0);
        try {
            ObjectNode response = switch (Trigger.of(event)) {
                case STREAM -> onStream(event, metrics);
                case SCHEDULE -> onSchedule(metrics);
                case DIGEST -> onDigest(event, metrics);
            };
            Json.MAPPER.writeValue(output, response);
        } finally {
            metrics.flush();
        }
    }

    private ObjectNode onStream(JsonNode event, Metrics metrics) {
        // Pending alerts of the batch, each with the records that carry it (a retried batch may repeat one).
        Map<String, Alert> pending = new LinkedHashMap<>();
        Map<String, List<String>> recordsOf = new LinkedHashMap<>();
        for (StreamBatch.Record record : StreamBatch.records(event)) {
            if (!AlertRepository.isDeliverableImage(record.newImage())) {
                continue; // claims, "marked sent" modifications and removals come through the same stream
            }
            Alert alert;
            try {
                alert = AlertRepository.fromItem(record.newImage());
            } catch (RuntimeException unreadable) {
                // Retrying cannot fix a malformed item, and a retried record holds up its whole shard: log, move on.
                Log.error("alert item unreadable, not retried", unreadable, "sequenceNumber", record.sequenceNumber(),
                        "alertId", record.keys().containsKey("id") ? record.keys().get("id").s() : null);
                continue;
            }
            if (!alerts.isLatestState(record.newImage())) {
                // A later lifecycle transition replaced this state; that transition's own record delivers it.
                Log.info("alert state superseded, skipped", "alertId", alert.id());
                continue;
            }
            pending.putIfAbsent(alert.id(), alert);
            recordsOf.computeIfAbsent(alert.id(), k -> new ArrayList<>()).add(record.sequenceNumber());
        }
        Set<String> failed = new LinkedHashSet<>();
        for (List<Alert> group : Grouping.groups(List.copyOf(pending.values()))) {
            try {
                metrics.add(Metrics.Name.NotificationsSent, delivery.deliver(group).published().size());
            } catch (RuntimeException e) {
                metrics.add(Metrics.Name.Failures, group.size());
                List<String> ids = group.stream().map(n -> n.id()).toList();
                Log.error("alerts not published, records will be retried", e, "alertIds", String.join(",", ids));
                ids.forEach(id -> failed.addAll(recordsOf.get(id)));
            }
        }
        return StreamBatch.failures(failed);
    }

    private ObjectNode onDigest(JsonNode event, Metrics metrics) {
        if (digest == null) {
            throw new IllegalStateException("this notify handler was built without subscriptions: no digests");
        }
        JsonNode day = event.path("digest").path("day");
        LocalDate d = day.isTextual() ? LocalDate.parse(day.asText()) : LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(1);
        Digest.Run run = digest.send(d);
        metrics.add(Metrics.Name.Failures, run.failed());
        if (run.failed() > 0) {
            throw new IllegalStateException(run.failed() + " digest(s) for " + d + " could not be published");
        }
        ObjectNode out = Json.object();
        out.put("day", d.toString());
        out.put("alerts", run.alerts());
        out.put("filters", run.filters());
        out.put("digests", run.published());
        return out;
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
        out.put("messages", s.messages());
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
