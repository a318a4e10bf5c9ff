package io.newsalerts.aws;

import io.newsalerts.domain.AlertState;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Evidence;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Severity;
import io.newsalerts.json.AlertJson;
import io.newsalerts.json.Json;
import io.newsalerts.message.AlertMessage;
import io.newsalerts.message.DigestMessage;
import io.newsalerts.message.Gsm7;
import io.newsalerts.subscribe.AlertFilter;
import io.newsalerts.testing.SampleAlerts;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The request itself (pure); that SNS routes it by these attributes is AlertRoutingIT's job. */
class AlertPublisherTest {

    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";

    @Test
    void messageStructureGivesEachProtocolItsOwnText() throws Exception {
        Alert alert = SampleAlerts.islamicStateIraqSyria();
        PublishRequest r = AlertPublisher.request(TOPIC, alert);

        assertThat(r.topicArn()).isEqualTo(TOPIC);
        assertThat(r.messageStructure()).isEqualTo("json");
        assertThat(r.subject()).isEqualTo(AlertMessage.of(alert).emailSubject());
        JsonNode m = Json.MAPPER.readTree(r.message());
        assertThat(m.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("default", "email", "sms");
        assertThat(m.get("sms").asText()).isEqualTo(AlertMessage.of(alert).sms());
        assertThat(m.get("email").asText()).isEqualTo(AlertMessage.of(alert).emailBody());
        // Machine subscribers (sqs, lambda, http, email-json) get the alert document and can read it back.
        assertThat(AlertJson.fromString(m.get("default").asText())).isEqualTo(alert);
    }

    @Test
    void attributesCarryWhatFilterPoliciesMatchOn() {
        Map<String, MessageAttributeValue> a = AlertPublisher.request(TOPIC, SampleAlerts.islamicStateIraqSyria())
                .messageAttributes();
        assertThat(a).containsOnlyKeys("actor", "regions", "eventType", "rule", "severity", "severityLevel",
                "lifecycle", "delivery", "AWS.SNS.SMS.SMSType");
        assertThat(a.get("actor")).isEqualTo(attr("String", "Islamic State"));
        assertThat(a.get("regions")).isEqualTo(attr("String.Array", "[\"IQ\",\"SY\"]"));
        assertThat(a.get("eventType")).isEqualTo(attr("String", "attack"));
        assertThat(a.get("rule")).isEqualTo(attr("String", "yoy-projected-doubling"));
        assertThat(a.get("severity")).isEqualTo(attr("String", "high"));
        assertThat(a.get("severityLevel")).isEqualTo(attr("Number", "3"));
        assertThat(a.get("lifecycle")).isEqualTo(attr("String", "firing"));
        assertThat(a.get("delivery")).isEqualTo(attr("String", "instant"));
        // SMS go out on the transactional route (higher delivery reliability than promotional).
        assertThat(a.get("AWS.SNS.SMS.SMSType")).isEqualTo(attr("String", "Transactional"));
    }

    @Test
    void anAlertAboutNobodyInNoCountryHasNoActorOrRegions() {
        Map<String, MessageAttributeValue> a = AlertPublisher.request(TOPIC, SampleAlerts.shipAttacksRedSea())
                .messageAttributes();
        assertThat(a).containsOnlyKeys("eventType", "rule", "severity", "severityLevel", "lifecycle", "delivery",
                "AWS.SNS.SMS.SMSType");
        assertThat(a.get("severityLevel")).isEqualTo(attr("Number", "1"));
    }

    @Test
    void aHugeAlertDropsEvidenceFromTheMachineDocumentToStayUnderTheSnsLimit() throws Exception {
        Alert base = SampleAlerts.droneAttacksIraq(Severity.MEDIUM);
        List<Evidence> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(new Evidence("Sentence number " + i + " ".repeat(200), "https://example.org/" + i, "someone"));
        }
        Alert huge = new Alert(base.rule(), base.series(), new Observation(base.current().period(), 40, many),
                base.baseline(), null, base.ratio(), base.severity(), base.target());
        PublishRequest r = AlertPublisher.request(TOPIC, huge);
        assertThat(r.message().getBytes(StandardCharsets.UTF_8).length).isLessThan(256 * 1024);
        JsonNode doc = Json.MAPPER.readTree(Json.MAPPER.readTree(r.message()).get("default").asText());
        assertThat(doc.get("evidenceOmitted").asInt()).isEqualTo(2000);
        assertThat(doc.get("id").asText()).isEqualTo(huge.id());
    }

    @Test
    void aGroupOfTenHugeAlertsStillFitsOneSnsMessage() throws Exception {
        Alert base = SampleAlerts.droneAttacksIraq(Severity.MEDIUM);
        List<Evidence> many = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(new Evidence("Sentence number " + i + " ".repeat(200), "https://example.org/" + i, "someone"));
        }
        List<Alert> group = new ArrayList<>();
        for (int q = 1; q <= 10; q++) {
            group.add((new Alert(base.rule(), new io.newsalerts.domain.SeriesKey(base.series().source(),
                    base.series().actor(), List.of("IQ", "SY", "JO", "LB", "IL", "EG", "TR", "IR", "KW", "SA").subList(0, q),
                    base.series().eventType(), null),
                    new Observation(base.current().period(), 40 + q, many), base.baseline(), null, base.ratio(),
                    base.severity(), base.target())));
        }
        PublishRequest r = AlertPublisher.request(TOPIC, group);
        assertThat(r.message().getBytes(StandardCharsets.UTF_8).length).isLessThan(256 * 1024);
        JsonNode doc = Json.MAPPER.readTree(Json.MAPPER.readTree(r.message()).get("default").asText());
        assertThat(doc.get("alerts")).hasSize(10);
        assertThat(doc.get("alerts").get(0).get("evidenceOmitted").asInt()).isEqualTo(2000);
        assertThat(r.subject()).endsWith("(+9 more)").hasSizeLessThan(100);
    }

    @Test
    void aGroupIsRoutedByWhatItsAlertsShareAndTheUnionOfWhereTheyAre() {
        Alert a = SampleAlerts.of("Hezbollah", List.of("LB"), "drone attack", Severity.MEDIUM).withState(AlertState.ESCALATED);
        Alert b = SampleAlerts.of("Hezbollah", List.of("IL", "SY"), "drone attack", Severity.MEDIUM).withState(AlertState.ESCALATED);
        Map<String, MessageAttributeValue> attrs = AlertPublisher.request(TOPIC, List.of(a, b)).messageAttributes();
        assertThat(attrs.get("actor")).isEqualTo(attr("String", "Hezbollah"));
        assertThat(attrs.get("regions")).isEqualTo(attr("String.Array", "[\"IL\",\"LB\",\"SY\"]"));
        assertThat(attrs.get("eventType")).isEqualTo(attr("String", "drone attack"));
        assertThat(attrs.get("lifecycle")).isEqualTo(attr("String", "escalated"));
        assertThat(attrs.get("severityLevel")).isEqualTo(attr("Number", "2"));
        assertThat(attrs).hasSizeLessThanOrEqualTo(10); // SNS's limit per message
    }

    @Test
    void aDigestIsTaggedWithTheFilterItWasBuiltFor() throws Exception {
        AlertFilter filter = new AlertFilter(List.of(), List.of("IQ"), List.of(), Severity.MEDIUM);
        PublishRequest r = AlertPublisher.digestRequest(TOPIC, filter, new DigestMessage(java.time.LocalDate.of(2024, 7, 17),
                List.of(SampleAlerts.droneAttacksIraq(Severity.MEDIUM), SampleAlerts.islamicStateIraqSyria())));
        assertThat(r.messageAttributes()).containsOnlyKeys("delivery", "digestFilter", "AWS.SNS.SMS.SMSType");
        assertThat(r.messageAttributes().get("delivery")).isEqualTo(attr("String", "digest"));
        assertThat(r.messageAttributes().get("digestFilter"))
                .isEqualTo(attr("String", "{\"regions\":[\"IQ\"],\"minSeverity\":\"medium\"}"));
        JsonNode m = Json.MAPPER.readTree(r.message());
        assertThat(Gsm7.septets(m.get("sms").asText())).isLessThanOrEqualTo(160);
        assertThat(m.get("sms").asText()).startsWith("News Alerts digest 2024-07-17: 2 alerts. Islamic State attacks");
        assertThat(Json.MAPPER.readTree(m.get("default").asText()).get("alerts")).hasSize(2);
    }

    private static MessageAttributeValue attr(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }
}
