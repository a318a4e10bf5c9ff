package io.newsalerts.aws;

import io.newsalerts.domain.AlertState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Severity;
import io.newsalerts.json.AlertJson;
import io.newsalerts.json.Json;
import io.newsalerts.message.AlertMessage;
import io.newsalerts.message.DigestMessage;
import io.newsalerts.message.Grouping;
import io.newsalerts.subscribe.AlertFilter;
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

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filter policies made by SubscriptionValidator, applied by the emulator's SNS to messages published by
 * AlertPublisher: each SQS queue stands for one subscriber and must receive exactly the alerts its filter selects,
 * and nothing else.
 */
@ExtendWith(LocalAws.class)
class AlertRoutingIT {

    /** The extraction gazetteer's actors, as the deployed API uses them. */
    private static final SubscriptionValidator VALIDATOR = SubscriptionValidator.withGazetteerActors();

    // Nine alerts: different actors, regions, event types, severities and lifecycle states.
    private final Alert isIraqSyria = SampleAlerts.islamicStateIraqSyria().withState(AlertState.FIRING);          // high
    private final Alert dronesIraq = SampleAlerts.droneAttacksIraq(Severity.MEDIUM).withState(AlertState.FIRING);
    private final Alert shipsRedSea = SampleAlerts.shipAttacksRedSea().withState(AlertState.FIRING);             // low, no actor/region
    private final Alert hezbollahLebanon = notice("Hezbollah", List.of("LB"), "rocket attack", Severity.HIGH, AlertState.ESCALATED);
    private final Alert isSyriaResolved = notice("Islamic State", List.of("SY"), "attack", Severity.MEDIUM, AlertState.RESOLVED);
    private final Alert houthisYemen = notice("Houthis", List.of("YE"), "drone attack", Severity.LOW, AlertState.FIRING);
    private final Alert hezbollahIsrael = notice("Hezbollah", List.of("IL", "LB"), "drone attack", Severity.MEDIUM, AlertState.FIRING);
    private final Alert khorasan = notice("Islamic State Khorasan Province", List.of("AF", "PK"), "attack", Severity.HIGH, AlertState.ESCALATED);
    private final Alert talibanResolved = notice("Taliban", List.of("AF"), "attack", Severity.LOW, AlertState.RESOLVED);
    private final List<Alert> all = List.of(isIraqSyria, dronesIraq, shipsRedSea, hezbollahLebanon, isSyriaResolved,
            houthisYemen, hezbollahIsrael, khorasan, talibanResolved);

    @Test
    void eachSubscriberReceivesExactlyTheAlertsItsFilterSelects(LocalAws.Endpoint aws) throws Exception {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();

        // What people send to POST /subscriptions (names as people write them: aliases, country names).
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("everything", "{}");
        requests.put("iraq", "{\"regions\":[\"IQ\"]}");
        requests.put("syria-or-lebanon", "{\"regions\":[\"SY\",\"Lebanon\"]}");
        requests.put("islamic-state", "{\"actors\":[\"ISIS\"]}");
        requests.put("high", "{\"minSeverity\":\"high\"}");
        requests.put("iraq-drones-medium-up", "{\"regions\":[\"Iraq\"],\"eventTypes\":[\"drone attack\"],\"minSeverity\":\"medium\"}");
        requests.put("hezbollah-in-israel", "{\"actors\":[\"Hezbollah\"],\"regions\":[\"Israel\"]}");
        requests.put("drone-attacks", "{\"eventTypes\":[\"drone attack\"]}");
        requests.put("afghanistan-pakistan-medium-up", "{\"regions\":[\"Afghanistan\",\"PK\"],\"minSeverity\":\"medium\"}");
        requests.put("digest-only", "{\"delivery\":\"digest\"}");
        Map<String, QueueSubscriber> queues = new LinkedHashMap<>();
        Map<String, AlertFilter> filters = new LinkedHashMap<>();
        for (var r : requests.entrySet()) {
            SubscriptionRequest request = request(r.getValue());
            filters.put(r.getKey(), request.filter());
            queues.put(r.getKey(), QueueSubscriber.subscribe(sns, aws.sqs(), topic, r.getKey(), request.filterPolicyJson()));
        }
        // Machine subscribers (set up with IaC, not the API) may also select on the lifecycle state.
        queues.put("escalations", QueueSubscriber.subscribe(sns, aws.sqs(), topic, "escalations",
                "{\"lifecycle\":[\"escalated\"]}"));
        queues.put("resolutions", QueueSubscriber.subscribe(sns, aws.sqs(), topic, "resolutions",
                "{\"lifecycle\":[\"resolved\"],\"delivery\":[\"instant\"]}"));

        AlertPublisher publisher = new AlertPublisher(sns, topic);
        for (Alert n : all) {
            assertThat(publisher.publish(List.of(n))).isNotBlank();
        }

        Map<String, List<QueueSubscriber.Received>> received = new LinkedHashMap<>();
        queues.forEach((name, q) -> received.put(name, q.drainMessages()));
        Map<String, List<String>> ids = new LinkedHashMap<>();
        received.forEach((name, messages) -> ids.put(name, messages.stream()
                .flatMap(m -> m.alerts().stream()).map(Alert::id).toList()));

        assertThat(ids.get("everything")).containsExactlyInAnyOrderElementsOf(all.stream().map(n -> n.id()).toList());
        assertThat(ids.get("iraq")).containsExactlyInAnyOrder(id(isIraqSyria), id(dronesIraq));
        assertThat(ids.get("syria-or-lebanon")).containsExactlyInAnyOrder(
                id(isIraqSyria), id(hezbollahLebanon), id(isSyriaResolved), id(hezbollahIsrael));
        assertThat(ids.get("islamic-state")).containsExactlyInAnyOrder(id(isIraqSyria), id(isSyriaResolved));
        assertThat(ids.get("high")).containsExactlyInAnyOrder(id(isIraqSyria), id(hezbollahLebanon), id(khorasan));
        assertThat(ids.get("iraq-drones-medium-up")).containsExactly(id(dronesIraq));
        assertThat(ids.get("hezbollah-in-israel")).containsExactly(id(hezbollahIsrael));
        assertThat(ids.get("drone-attacks")).containsExactlyInAnyOrder(id(dronesIraq), id(houthisYemen), id(hezbollahIsrael));
        assertThat(ids.get("afghanistan-pakistan-medium-up")).containsExactly(id(khorasan));
        assertThat(ids.get("digest-only")).isEmpty();
        assertThat(ids.get("escalations")).containsExactlyInAnyOrder(id(hezbollahLebanon), id(khorasan));
        assertThat(ids.get("resolutions")).containsExactlyInAnyOrder(id(isSyriaResolved), id(talibanResolved));

        // Each message says its lifecycle state and delivery mode.
        assertThat(received.get("everything")).allSatisfy(m -> {
            assertThat(m.attribute("delivery")).isEqualTo("instant");
            assertThat(m.attribute("lifecycle")).isEqualTo(m.alerts().getFirst().state().wire());
            assertThat(m.attribute("AWS.SNS.SMS.SMSType")).isEqualTo("Transactional");
        });

        // The digest builds on AlertFilter.matches: it takes the same decision as SNS for every filter and alert.
        filters.forEach((name, f) -> {
            if (!name.equals("digest-only")) {
                assertThat(all.stream().filter(n -> f.matches(n)).map(AlertRoutingIT::id).toList())
                        .as("AlertFilter.matches for %s", name)
                        .containsExactlyInAnyOrderElementsOf(ids.get(name));
            }
        });
    }

    @Test
    void aGroupIsOneMessageThatReachesEverySubscriberOneOfItsAlertsMatches(LocalAws.Endpoint aws) {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        QueueSubscriber iraq = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "iraq", request("{\"regions\":[\"IQ\"]}").filterPolicyJson());
        QueueSubscriber jordan = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "jordan", request("{\"regions\":[\"JO\"]}").filterPolicyJson());
        QueueSubscriber high = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "high", request("{\"minSeverity\":\"high\"}").filterPolicyJson());
        QueueSubscriber attacks = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "attacks",
                request("{\"actors\":[\"Islamic State\"],\"eventTypes\":[\"attack\"],\"regions\":[\"SY\"]}").filterPolicyJson());

        // One stream batch of Islamic State attack alerts of the same severity: Iraq, Syria, and both (another rule).
        Alert inIraq = notice("Islamic State", List.of("IQ"), "attack", Severity.HIGH, AlertState.FIRING);
        Alert inSyria = notice("Islamic State", List.of("SY"), "attack", Severity.HIGH, AlertState.FIRING);
        Alert both = isIraqSyria;
        List<List<Alert>> groups = Grouping.groups(List.of(inIraq, inSyria, both));
        assertThat(groups).hasSize(1);
        new AlertPublisher(sns, topic).publish(groups.getFirst());

        for (QueueSubscriber q : List.of(iraq, high, attacks)) {
            assertThat(q.drainMessages()).singleElement().satisfies(m -> {
                assertThat(m.alerts()).extracting(Alert::id).containsExactly(id(inIraq), id(inSyria), id(both));
                assertThat(m.subject()).endsWith("(+2 more)");
                assertThat(m.attribute("regions")).isEqualTo("[\"IQ\",\"SY\"]");
                assertThat(m.attribute("rule")).isEqualTo("[\"yoy-doubling\",\"yoy-projected-doubling\"]");
            });
        }
        assertThat(jordan.drainMessages()).isEmpty();
    }

    @Test
    void aDigestReachesOnlyTheDigestSubscribersWithItsFilter(LocalAws.Endpoint aws) {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        SubscriptionRequest iraqDigest = request("{\"regions\":[\"IQ\"],\"delivery\":\"digest\"}");
        SubscriptionRequest allDigest = request("{\"delivery\":\"digest\"}");
        QueueSubscriber iraqDigestQueue = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "iraq-digest", iraqDigest.filterPolicyJson());
        QueueSubscriber allDigestQueue = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "all-digest", allDigest.filterPolicyJson());
        QueueSubscriber iraqInstant = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "iraq-instant",
                request("{\"regions\":[\"IQ\"]}").filterPolicyJson());

        LocalDate day = LocalDate.of(2024, 7, 17);
        List<Alert> iraqAlerts = List.of(isIraqSyria, dronesIraq);
        new AlertPublisher(sns, topic).publishDigest(iraqDigest.filter(), new DigestMessage(day, iraqAlerts));

        assertThat(iraqDigestQueue.drainMessages()).singleElement().satisfies(m -> {
            assertThat(m.attribute("delivery")).isEqualTo("digest");
            assertThat(m.subject()).isEqualTo("News Alerts daily digest for 2024-07-17: 2 alerts");
            assertThat(m.alerts()).extracting(Alert::id).containsExactly(id(isIraqSyria), id(dronesIraq)); // high first
            assertThat(m.document().path("digest").path("filter").path("regions").get(0).asText()).isEqualTo("IQ");
        });
        assertThat(allDigestQueue.drainMessages()).isEmpty();
        assertThat(iraqInstant.drainMessages()).isEmpty();
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
        assertThat(attributes.path("lifecycle").path("Value").asText()).isEqualTo("firing");
        assertThat(attributes.path("delivery").path("Value").asText()).isEqualTo("instant");
    }

    private static SubscriptionRequest request(String filters) {
        try {
            ObjectNode body = (ObjectNode) Json.MAPPER.readTree(filters);
            body.put("protocol", "email").put("endpoint", "x@example.org");
            return VALIDATOR.validate(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Alert notice(String actor, List<String> regions, String eventType, Severity severity, AlertState state) {
        return SampleAlerts.of(actor, regions, eventType, severity).withState(state);
    }

    private static String id(Alert n) {
        return n.id();
    }
}
