package io.newsalerts.notify;

import io.newsalerts.domain.AlertState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.StreamImages;
import io.newsalerts.aws.SubscriptionGateway;
import io.newsalerts.aws.Tables;
import io.newsalerts.subscribe.SubscriptionValidator;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Severity;
import io.newsalerts.json.AlertJson;
import io.newsalerts.json.Json;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.QueueSubscriber;
import io.newsalerts.testing.SampleAlerts;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The notify function on the emulator: alerts table, topic, and a queue subscribed to see what was delivered. */
@ExtendWith(LocalAws.class)
class NotifyHandlerIT {

    private final Alert seed = SampleAlerts.islamicStateIraqSyria();

    private DynamoDbClient ddb;
    private SnsClient sns;
    private SqsClient sqs;
    private AlertRepository alerts;
    private String table;
    private String topic;
    private QueueSubscriber subscriber;

    @BeforeEach
    void setUp() {
        LocalAws.Endpoint aws = LocalAws.endpoint();
        ddb = aws.clients().dynamoDb();
        sns = aws.clients().sns();
        sqs = aws.sqs();
        Tables tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("notify"));
        tables.create(ddb);
        table = tables.alerts();
        alerts = new AlertRepository(ddb, table);
        topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        subscriber = QueueSubscriber.subscribe(sns, sqs, topic, "delivered", null);
    }

    @Test
    void aStreamInsertOfAPendingAlertIsPublishedOnceAndMarkedSent() throws Exception {
        assertThat(alerts.record(seed)).isTrue();
        NotifyHandler handler = handler(topic);

        JsonNode response = Lambda.invoke(handler, Events.json("notify-stream.json"));

        assertThat(response.path("batchItemFailures")).isEmpty();
        List<JsonNode> delivered = delivered();
        assertThat(delivered).singleElement().satisfies(envelope ->
                assertThat(AlertJson.fromString(envelope.path("Message").asText())).isEqualTo(seed));
        assertThat(alerts.isPending(seed.id())).isFalse();
        Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table)
                .key(Map.of("id", AttributeValue.fromS(seed.id()))).consistentRead(true)).item();
        assertThat(item.get("state").s()).isEqualTo(AlertRepository.SENT);
        assertThat(item.get("messageId").s()).isEqualTo(delivered.getFirst().path("MessageId").asText());

        // Lambda delivers the same record again (a retry after a later record failed): nothing is sent twice.
        assertThat(Lambda.invoke(handler, Events.json("notify-stream.json")).path("batchItemFailures")).isEmpty();
        assertThat(delivered()).isEmpty();
    }

    @Test
    void aFailedPublishIsReportedForRetryAndTheAlertStaysPending() throws Exception {
        assertThat(alerts.record(seed)).isTrue();
        String missingTopic = topic + "-does-not-exist";

        JsonNode response = Lambda.invoke(handler(missingTopic), Events.json("notify-stream.json"));

        assertThat(response.path("batchItemFailures")).singleElement().satisfies(f ->
                assertThat(f.path("itemIdentifier").asText()).isEqualTo("4421584500000000017450439091"));
        assertThat(alerts.isPending(seed.id())).isTrue();
        assertThat(delivered()).isEmpty();

        // The retry, with SNS back, delivers it.
        assertThat(Lambda.invoke(handler(topic), Events.json("notify-stream.json")).path("batchItemFailures")).isEmpty();
        assertThat(delivered()).hasSize(1);
        assertThat(alerts.isPending(seed.id())).isFalse();
    }

    @Test
    void claimsSentAlertsAndUnreadableItemsAreNotPublished() throws Exception {
        assertThat(alerts.record(seed)).isTrue();
        ObjectNode event = Events.json("notify-stream.json");
        ArrayNode records = (ArrayNode) event.get("Records");
        ObjectNode modify = records.get(0).deepCopy();
        modify.put("eventName", "MODIFY"); // a delivery's claim: still pending, with claimedUntil
        ((ObjectNode) modify.path("dynamodb").path("NewImage")).putObject("claimedUntil").put("N", "1893456000000");
        ((ObjectNode) modify.path("dynamodb")).put("SequenceNumber", "4421584500000000017450439092");
        ObjectNode sentInsert = records.get(0).deepCopy();
        ((ObjectNode) sentInsert.path("dynamodb").path("NewImage")).remove("pending");
        ((ObjectNode) sentInsert.path("dynamodb")).put("SequenceNumber", "4421584500000000017450439093");
        ObjectNode unreadable = records.get(0).deepCopy();
        ((ObjectNode) unreadable.path("dynamodb").path("NewImage").path("payload")).put("S", "{not json");
        ((ObjectNode) unreadable.path("dynamodb")).put("SequenceNumber", "4421584500000000017450439094");
        records.removeAll();
        records.add(modify).add(sentInsert).add(unreadable);

        JsonNode response = Lambda.invoke(handler(topic), event);

        // Nothing to publish, and nothing worth retrying: a malformed item never becomes readable.
        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(delivered()).isEmpty();
        assertThat(alerts.isPending(seed.id())).isTrue();
    }

    @Test
    void theScheduledSweepPublishesEveryPendingAlertOnce() throws Exception {
        Alert drones = SampleAlerts.droneAttacksIraq(Severity.MEDIUM);
        Alert ships = SampleAlerts.shipAttacksRedSea();
        for (Alert a : List.of(seed, drones, ships)) {
            assertThat(alerts.record(a)).isTrue();
        }
        assertThat(alerts.markSent(ships.id(), "sent-earlier")).isTrue();

        JsonNode summary = Lambda.invoke(handler(topic), Events.json("notify-schedule.json"));

        assertThat(summary.path("published").asInt()).isEqualTo(2);
        assertThat(delivered()).extracting(e -> AlertJson.fromString(e.path("Message").asText()).id())
                .containsExactlyInAnyOrder(seed.id(), drones.id());
        assertThat(alerts.pending(100)).isEmpty();

        assertThat(Lambda.invoke(handler(topic), Events.json("notify-schedule.json")).path("published").asInt()).isZero();
        assertThat(delivered()).isEmpty();
    }

    @Test
    void aSweepThatCannotPublishFailsTheInvocationAndLeavesAlertsPending() {
        assertThat(alerts.record(seed)).isTrue();
        assertThatThrownBy(() -> Lambda.invoke(handler(topic + "-does-not-exist"), Events.json("notify-schedule.json")))
                .hasMessageContaining("1 pending alert(s) could not be published");
        assertThat(alerts.isPending(seed.id())).isTrue();
    }

    @Test
    void alertsOfOneBatchForOneActorGoOutAsOneMessageAndEachIsMarkedSent() throws Exception {
        Alert inIraq = SampleAlerts.of("Hezbollah", List.of("IQ"), "drone attack", Severity.MEDIUM);
        Alert inSyria = SampleAlerts.of("Hezbollah", List.of("SY"), "drone attack", Severity.MEDIUM);
        Alert inLebanon = SampleAlerts.of("Hezbollah", List.of("LB"), "drone attack", Severity.MEDIUM);
        Alert other = SampleAlerts.droneAttacksIraq(Severity.MEDIUM); // another actor: its own message
        for (Alert a : List.of(inIraq, inSyria, inLebanon, other)) {
            assertThat(alerts.record(a)).isTrue();
        }
        ObjectNode batch = insertsOf(List.of(inIraq, inSyria, other, inLebanon));

        JsonNode response = Lambda.invoke(handler(topic), batch);

        assertThat(response.path("batchItemFailures")).isEmpty();
        List<List<String>> messages = deliveredGroups();
        assertThat(messages).containsExactlyInAnyOrder(
                List.of(inIraq.id(), inSyria.id(), inLebanon.id()), List.of(other.id()));
        String groupMessageId = messageIdOf(inIraq);
        assertThat(List.of(messageIdOf(inSyria), messageIdOf(inLebanon))).containsOnly(groupMessageId);
        assertThat(messageIdOf(other)).isNotEqualTo(groupMessageId);
        assertThat(alerts.pending(100)).isEmpty();

        // The batch again (a retry): every alert is sent, nothing goes out twice.
        assertThat(Lambda.invoke(handler(topic), batch).path("batchItemFailures")).isEmpty();
        assertThat(delivered()).isEmpty();
    }

    @Test
    void aGroupThatCannotBePublishedReportsAllItsRecordsAndKeepsItsAlertsPending() throws Exception {
        Alert a = SampleAlerts.of("Hezbollah", List.of("IQ"), "drone attack", Severity.MEDIUM);
        Alert b = SampleAlerts.of("Hezbollah", List.of("SY"), "drone attack", Severity.MEDIUM);
        alerts.record(a);
        alerts.record(b);
        ObjectNode batch = insertsOf(List.of(a, b));

        JsonNode response = Lambda.invoke(handler(topic + "-does-not-exist"), batch);

        assertThat(response.path("batchItemFailures")).extracting(f -> f.path("itemIdentifier").asText())
                .containsExactly("1000", "1001");
        assertThat(alerts.isPending(a.id())).isTrue();
        assertThat(alerts.isPending(b.id())).isTrue();
        // The retry with SNS back sends the group once.
        assertThat(Lambda.invoke(handler(topic), batch).path("batchItemFailures")).isEmpty();
        assertThat(deliveredGroups()).containsExactly(List.of(a.id(), b.id()));
    }

    @Test
    void theSweepGroupsThePendingAlertsOfOneActorToo() throws Exception {
        Alert a = SampleAlerts.of("Houthis", List.of("YE"), "ship attack", Severity.HIGH);
        Alert b = SampleAlerts.of("Houthis", List.of("YE", "SA"), "ship attack", Severity.HIGH);
        alerts.record(a);
        alerts.record(b);

        JsonNode summary = Lambda.invoke(handler(topic), Events.json("notify-schedule.json"));

        assertThat(summary.path("published").asInt()).isEqualTo(2);
        assertThat(summary.path("messages").asInt()).isEqualTo(1);
        assertThat(deliveredGroups()).singleElement().satisfies(g -> assertThat(g).containsExactlyInAnyOrder(a.id(), b.id()));
    }

    @Test
    void theDailyDigestSendsEachDigestSubscriberTheDaysAlertsItsFilterSelects() throws Exception {
        Instant noon = Instant.parse("2024-07-17T12:00:00Z");
        AlertRepository atNoon = new AlertRepository(ddb, table, Clock.fixed(noon, ZoneOffset.UTC));
        AlertRepository nextDay = new AlertRepository(ddb, table, Clock.fixed(noon.plusSeconds(86_400), ZoneOffset.UTC));
        Alert drones = SampleAlerts.droneAttacksIraq(Severity.MEDIUM);
        Alert hezbollah = SampleAlerts.of("Hezbollah", List.of("LB"), "rocket attack", Severity.HIGH);
        Alert tomorrow = SampleAlerts.of("Houthis", List.of("YE"), "ship attack", Severity.HIGH);
        for (Alert a : List.of(seed, drones, hezbollah, tomorrow)) {
            atNoon.record(a);
        }
        for (Alert a : List.of(seed, drones, hezbollah)) {
            atNoon.markSent(a.id(), "m-" + a.id());
        }
        nextDay.markSent(tomorrow.id(), "m-tomorrow");

        SubscriptionValidator validator = SubscriptionValidator.withGazetteerActors();
        QueueSubscriber iraqDigest = digestSubscriber(validator, "{\"regions\":[\"IQ\"],\"delivery\":\"digest\"}");
        QueueSubscriber iraqDigestToo = digestSubscriber(validator, "{\"regions\":[\"Iraq\"],\"delivery\":\"digest\"}");
        QueueSubscriber everythingDigest = digestSubscriber(validator, "{\"delivery\":\"digest\"}");
        QueueSubscriber yemenDigest = digestSubscriber(validator, "{\"regions\":[\"YE\"],\"delivery\":\"digest\"}");
        QueueSubscriber instantIraq = digestSubscriber(validator, "{\"regions\":[\"IQ\"]}");

        JsonNode run = Lambda.invoke(handler(topic, Clock.fixed(Instant.parse("2024-07-18T07:00:00Z"), ZoneOffset.UTC)),
                Events.json("notify-digest.json"));

        assertThat(run.path("day").asText()).isEqualTo("2024-07-17");
        assertThat(run.path("alerts").asInt()).isEqualTo(3);
        assertThat(run.path("filters").asInt()).isEqualTo(3); // IQ (two subscribers), everything, YE
        assertThat(run.path("digests").asInt()).isEqualTo(2); // nothing for Yemen that day
        for (QueueSubscriber q : List.of(iraqDigest, iraqDigestToo)) {
            assertThat(q.drainMessages()).singleElement().satisfies(m -> {
                assertThat(m.attribute("delivery")).isEqualTo("digest");
                assertThat(m.alerts()).extracting(Alert::id).containsExactly(seed.id(), drones.id());
            });
        }
        assertThat(everythingDigest.drainMessages()).singleElement().satisfies(m -> assertThat(m.alerts())
                .extracting(Alert::id).containsExactlyInAnyOrder(seed.id(), drones.id(), hezbollah.id()));
        assertThat(yemenDigest.drainMessages()).isEmpty();
        assertThat(instantIraq.drainMessages()).isEmpty();
        assertThat(delivered()).hasSize(2); // the unfiltered machine subscriber sees both digests

        // A re-run for a given day: the next day's alert is in that day's digest.
        JsonNode rerun = Lambda.invoke(handler(topic), Json.MAPPER.readTree("{\"digest\":{\"day\":\"2024-07-18\"}}"));
        assertThat(rerun.path("alerts").asInt()).isEqualTo(1);
        assertThat(yemenDigest.drainMessages()).singleElement().satisfies(m ->
                assertThat(m.alerts()).extracting(Alert::id).containsExactly(tomorrow.id()));
    }

    @Test
    void aSilencedAlertIsRecordedAsHandledAndNeverPublished() throws Exception {
        Alert muted = SampleAlerts.of("Hezbollah", List.of("LB"), "rocket attack", Severity.HIGH);
        alerts.record(muted);
        Delivery delivery = new Delivery(alerts, new AlertPublisher(sns, topic));

        Delivery.Sent sent = delivery.deliver(List.of(muted.withState(AlertState.SILENCED)));

        assertThat(sent.silenced()).isEqualTo(1);
        assertThat(sent.messageId()).isNull();
        assertThat(delivered()).isEmpty();
        assertThat(alerts.isPending(muted.id())).isFalse();
    }

    private QueueSubscriber digestSubscriber(SubscriptionValidator validator, String filters) throws Exception {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree(filters);
        body.put("protocol", "email").put("endpoint", "x@example.org");
        return QueueSubscriber.subscribe(sns, sqs, topic, "digest", validator.validate(body).filterPolicyJson());
    }

    /** A stream batch of INSERT records for these alerts' items, sequence numbers 1000, 1001, ... */
    private ObjectNode insertsOf(List<Alert> batch) {
        ObjectNode event = Json.object();
        ArrayNode records = event.putArray("Records");
        int seq = 1000;
        for (Alert a : batch) {
            Map<String, AttributeValue> item = ddb.getItem(b -> b.tableName(table)
                    .key(Map.of("id", AttributeValue.fromS(a.id()))).consistentRead(true)).item();
            ObjectNode r = records.addObject();
            r.put("eventName", "INSERT");
            ObjectNode d = r.putObject("dynamodb");
            d.set("Keys", StreamImages.toJson(Map.of("id", item.get("id"))));
            d.set("NewImage", StreamImages.toJson(item));
            d.put("SequenceNumber", Integer.toString(seq++));
        }
        return event;
    }

    private String messageIdOf(Alert a) {
        return ddb.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(a.id()))).consistentRead(true))
                .item().get("messageId").s();
    }

    /** The alert ids of each message delivered since the last call, one list per message. */
    private List<List<String>> deliveredGroups() {
        return subscriber.drainMessages().stream().map(m -> m.alerts().stream().map(Alert::id).toList()).toList();
    }

    private NotifyHandler handler(String topicArn) {
        return handler(topicArn, Clock.systemUTC());
    }

    private NotifyHandler handler(String topicArn, Clock clock) {
        return new NotifyHandler(alerts, new AlertPublisher(sns, topicArn), new SubscriptionGateway(sns, topicArn), 100, clock);
    }


    /** SNS envelopes that reached the queue since the last call. */
    private List<JsonNode> delivered() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Message m : subscriber.drain()) {
            out.add(Json.MAPPER.readTree(m.body()));
        }
        return out;
    }

    @Test
    void sixteenConcurrentDeliveriesOfOneAlertPublishItOnce() throws Exception {
        assertThat(alerts.record(seed)).isTrue();
        NotifyHandler handler = handler(topic);
        List<java.util.concurrent.Callable<JsonNode>> deliveries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            deliveries.add(() -> Lambda.invoke(handler, Events.json("notify-stream.json")));
        }

        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (var f : pool.invokeAll(deliveries)) {
                assertThat(f.get().path("batchItemFailures")).isEmpty();
            }
        }

        assertThat(delivered()).hasSize(1);
        assertThat(alerts.isPending(seed.id())).isFalse();
    }
}
