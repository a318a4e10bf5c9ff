package io.newsalerts.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Alert;
import io.newsalerts.json.AlertJson;
import io.newsalerts.json.Json;
import io.newsalerts.message.DigestMessage;
import io.newsalerts.message.GroupMessage;
import io.newsalerts.message.Routing;
import io.newsalerts.subscribe.AlertFilter;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes alerts to the alerts topic in a form for every kind of subscriber.
 *
 * <p>The message is an SNS JSON message structure: {@code email} gets the plain-text body, {@code sms} the 160-septet
 * GSM-7 text, and {@code default} — which SNS gives every other protocol (sqs, lambda, http/s, email-json, firehose)
 * — JSON for machines: the alert's document ({@link AlertJson}) for a single alert, {@code {"alerts": [...]}} for a
 * group, {@code {"digest": {...}, "alerts": [...]}} for a digest. The email subject is the Subject.
 *
 * <p>Message attributes ({@link Routing}) carry what subscription filter policies match on, and send SMS as
 * Transactional.
 *
 * <p>Failures propagate: the caller keeps the alerts pending and tries again later.
 */
public final class AlertPublisher {

    /**
     * SNS refuses messages over 256 KiB (body and attributes together). An alert that can never be published would be
     * retried forever, so past this budget the machine document drops its evidence sentences (the email keeps a few).
     */
    static final int MESSAGE_BUDGET_BYTES = 240 * 1024;

    private final SnsClient sns;
    private final String topicArn;

    public AlertPublisher(SnsClient sns, String topicArn) {
        this.sns = Objects.requireNonNull(sns, "sns");
        this.topicArn = Objects.requireNonNull(topicArn, "topicArn");
    }

    /** Publishes one new (firing) alert; returns SNS's message id. */
    public String publish(Alert alert) {
        return publish(List.of(alert));
    }

    /** Publishes a group of notices (see {@code Grouping}) as one instant message; returns SNS's message id. */
    public String publish(List<Alert> group) {
        return sns.publish(request(topicArn, group)).messageId();
    }

    /** Publishes the digest built for one subscriber filter; only digest subscriptions with that filter receive it. */
    public String publishDigest(AlertFilter filter, DigestMessage digest) {
        return sns.publish(digestRequest(topicArn, filter, digest)).messageId();
    }

    /** The Publish request for one alert. */
    public static PublishRequest request(String topicArn, Alert alert) {
        return request(topicArn, List.of(alert));
    }

    /** The Publish request for a group: what subscribers will read and what their filter policies match on. */
    public static PublishRequest request(String topicArn, List<Alert> group) {
        GroupMessage text = new GroupMessage(group);
        List<Alert> alerts = group.stream().map(a -> a).toList();
        ObjectNode structure = Json.object();
        structure.put("default", machineDocument(alerts, false).toString());
        structure.put("email", text.emailBody());
        structure.put("sms", text.sms());
        if (utf8Length(structure.toString()) > MESSAGE_BUDGET_BYTES) {
            structure.put("default", machineDocument(alerts, true).toString());
        }
        return PublishRequest.builder()
                .topicArn(topicArn)
                .messageStructure("json")
                .message(structure.toString())
                .subject(text.emailSubject())
                .messageAttributes(sdk(Routing.instant(group)))
                .build();
    }

    static PublishRequest digestRequest(String topicArn, AlertFilter filter, DigestMessage digest) {
        ObjectNode doc = Json.object();
        ObjectNode about = doc.putObject("digest");
        about.put("day", digest.day().toString());
        about.set("filter", filter.toJson());
        ArrayNode list = doc.putArray("alerts");
        digest.alerts().stream().limit(DigestMessage.MAX_ENTRIES).forEach(a -> list.add(lean(a)));
        ObjectNode structure = Json.object();
        structure.put("default", doc.toString());
        structure.put("email", digest.emailBody());
        structure.put("sms", digest.sms());
        return PublishRequest.builder()
                .topicArn(topicArn)
                .messageStructure("json")
                .message(structure.toString())
                .subject(digest.emailSubject())
                .messageAttributes(sdk(Routing.digest(filter.canonical())))
                .build();
    }

    /** One alert: its document; several: {"alerts": [...]}. Lean documents carry no evidence sentences. */
    private static ObjectNode machineDocument(List<Alert> alerts, boolean lean) {
        if (alerts.size() == 1) {
            return lean ? lean(alerts.getFirst()) : AlertJson.toJson(alerts.getFirst());
        }
        ObjectNode doc = Json.object();
        ArrayNode list = doc.putArray("alerts");
        alerts.forEach(a -> list.add(lean ? lean(a) : AlertJson.toJson(a)));
        return doc;
    }

    private static ObjectNode lean(Alert alert) {
        ObjectNode lean = AlertJson.toJson(alert);
        lean.putArray("evidence");
        ((ObjectNode) lean.get("current")).putArray("evidence");
        ((ObjectNode) lean.get("baseline")).putArray("evidence");
        lean.put("evidenceOmitted", alert.evidence().size());
        return lean;
    }

    static Map<String, MessageAttributeValue> attributes(Alert alert) {
        return sdk(Routing.instant(List.of(alert)));
    }

    private static Map<String, MessageAttributeValue> sdk(Map<String, Routing.Attribute> attributes) {
        Map<String, MessageAttributeValue> out = new LinkedHashMap<>();
        attributes.forEach((name, a) -> out.put(name,
                MessageAttributeValue.builder().dataType(a.dataType()).stringValue(a.value()).build()));
        return out;
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
