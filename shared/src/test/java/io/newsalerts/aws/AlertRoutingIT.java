package io.newsalerts.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Severity;
import io.newsalerts.json.AlertJson;
import io.newsalerts.json.Json;
import io.newsalerts.message.AlertMessage;
import io.newsalerts.subscribe.SubscriptionRequest;
import io.newsalerts.subscribe.SubscriptionValidator;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.QueueSubscriber;
import io.newsalerts.testing.SampleAlerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filter policies made by SubscriptionValidator, applied by the emulator's SNS to alerts published by AlertPublisher:
 * each SQS queue stands for one subscriber and must receive exactly the alerts its filter selects.
 */
@ExtendWith(LocalAws.class)
class AlertRoutingIT {

    private static final SubscriptionValidator VALIDATOR = new SubscriptionValidator(
            Set.of("Islamic State", "Islamic Resistance in Iraq", "Hezbollah"));

    private final Alert isIraqSyria = SampleAlerts.islamicStateIraqSyria();                      // IQ+SY, high
    private final Alert dronesIraq = SampleAlerts.droneAttacksIraq(Severity.MEDIUM);             // IQ, medium
    private final Alert shipsRedSea = SampleAlerts.shipAttacksRedSea();                          // no actor or region, low
    private final Alert hezbollahLebanon = SampleAlerts.of("Hezbollah", List.of("LB"), "rocket attack", Severity.HIGH);

    @Test
    void eachSubscriberReceivesExactlyTheAlertsItsFilterSelects(LocalAws.Endpoint aws) throws Exception {
        SnsClient sns = aws.clients().sns();
        SqsClient sqs = aws.sqs();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("everything", "{}");
        filters.put("iraq", "{\"regions\":[\"IQ\"]}");
        filters.put("pakistan", "{\"regions\":[\"PK\"]}");
        filters.put("syria-or-lebanon", "{\"regions\":[\"SY\",\"LB\"]}");
        filters.put("islamic-state", "{\"actors\":[\"islamic state\"]}");
        filters.put("high", "{\"minSeverity\":\"high\"}");
        filters.put("medium-up", "{\"minSeverity\":\"medium\"}");
        filters.put("iraq-drones-medium-up", "{\"regions\":[\"IQ\"],\"eventTypes\":[\"drone attack\"],\"minSeverity\":\"medium\"}");
        filters.put("iraq-high", "{\"regions\":[\"IQ\"],\"minSeverity\":\"high\"}");
        Map<String, QueueSubscriber> queues = new LinkedHashMap<>();
        for (var f : filters.entrySet()) {
            // The filters as a subscriber would send them; the policy is whatever the validator makes of them.
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(f.getValue());
            body.put("protocol", "email").put("endpoint", "x@example.org");
            SubscriptionRequest r = VALIDATOR.validate(body);
            queues.put(f.getKey(), QueueSubscriber.subscribe(sns, sqs, topic, f.getKey(), r.filterPolicyJson().orElse(null)));
        }

        AlertPublisher publisher = new AlertPublisher(sns, topic);
        for (Alert a : List.of(isIraqSyria, dronesIraq, shipsRedSea, hezbollahLebanon)) {
            assertThat(publisher.publish(a)).isNotBlank();
        }

        Map<String, List<String>> received = new LinkedHashMap<>();
        queues.forEach((name, q) -> received.put(name, q.drainAlerts().stream().map(Alert::id).toList()));

        assertThat(received.get("everything")).containsExactlyInAnyOrder(
                isIraqSyria.id(), dronesIraq.id(), shipsRedSea.id(), hezbollahLebanon.id());
        assertThat(received.get("iraq")).containsExactlyInAnyOrder(isIraqSyria.id(), dronesIraq.id());
        assertThat(received.get("pakistan")).isEmpty();
        assertThat(received.get("syria-or-lebanon")).containsExactlyInAnyOrder(isIraqSyria.id(), hezbollahLebanon.id());
        assertThat(received.get("islamic-state")).containsExactly(isIraqSyria.id());
        assertThat(received.get("high")).containsExactlyInAnyOrder(isIraqSyria.id(), hezbollahLebanon.id());
        assertThat(received.get("medium-up")).containsExactlyInAnyOrder(isIraqSyria.id(), dronesIraq.id(), hezbollahLebanon.id());
        assertThat(received.get("iraq-drones-medium-up")).containsExactly(dronesIraq.id());
        assertThat(received.get("iraq-high")).containsExactly(isIraqSyria.id());
    }

    @Test
    void theEnvelopeCarriesSubjectAttributesAndTheAlertDocument(LocalAws.Endpoint aws) throws Exception {
        SnsClient sns = aws.clients().sns();
        SqsClient sqs = aws.sqs();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        QueueSubscriber queue = QueueSubscriber.subscribe(sns, sqs, topic, "envelope", null);

        String messageId = new AlertPublisher(sns, topic).publish(isIraqSyria);

        List<Message> messages = queue.drain();
        assertThat(messages).hasSize(1);
        JsonNode envelope = Json.MAPPER.readTree(messages.getFirst().body());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.path("Subject").asText()).isEqualTo(AlertMessage.of(isIraqSyria).emailSubject());
        assertThat(AlertJson.fromString(envelope.path("Message").asText())).isEqualTo(isIraqSyria);
        JsonNode attributes = envelope.path("MessageAttributes");
        assertThat(attributes.path("actor").path("Value").asText()).isEqualTo("Islamic State");
        assertThat(attributes.path("regions").path("Type").asText()).isEqualTo("String.Array");
        assertThat(attributes.path("regions").path("Value").asText()).isEqualTo("[\"IQ\",\"SY\"]");
        assertThat(attributes.path("severityLevel").path("Type").asText()).isEqualTo("Number");
        assertThat(attributes.path("severityLevel").path("Value").asText()).isEqualTo("3");
        assertThat(attributes.path("rule").path("Value").asText()).isEqualTo("yoy-projected-doubling");
    }
}
