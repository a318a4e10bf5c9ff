package io.newsalerts.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.Tables;
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

    private NotifyHandler handler(String topicArn) {
        return new NotifyHandler(alerts, new AlertPublisher(sns, topicArn), 100);
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
