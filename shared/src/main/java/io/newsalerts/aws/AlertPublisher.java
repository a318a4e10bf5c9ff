package io.newsalerts.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Alert;
import io.newsalerts.json.AlertJson;
import io.newsalerts.json.Json;
import io.newsalerts.message.AlertMessage;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes an alert to the alerts topic, once, in a form for every kind of subscriber.
 *
 * <p>The message is an SNS JSON message structure: {@code email} gets the plain-text body, {@code sms} the 160-septet
 * GSM-7 text, and {@code default} — which SNS gives every other protocol (sqs, lambda, http/s, email-json, firehose)
 * — the alert's JSON document ({@link AlertJson}), so machine consumers parse the alert instead of scraping prose.
 * The email subject is the Subject.
 *
 * <p>Message attributes carry what subscription filter policies match on: {@code actor} (String, absent when the
 * alert names no actor, so an actor filter never matches an alert about nobody), {@code regions} (String.Array of
 * ISO codes, absent for an alert about an area in no country), {@code eventType}, {@code rule}, {@code severity}
 * (low/medium/high) and {@code severityLevel} (Number 1..3, so a filter can say "at least medium").
 *
 * <p>Failures propagate: the caller keeps the alert pending and tries again later.
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

    /** Publishes the alert; returns SNS's message id. */
    public String publish(Alert alert) {
        return sns.publish(request(topicArn, alert)).messageId();
    }

    /** The Publish request for an alert: what subscribers will read and what their filter policies match on. */
    public static PublishRequest request(String topicArn, Alert alert) {
        AlertMessage text = AlertMessage.of(alert);
        ObjectNode structure = Json.object();
        structure.put("default", AlertJson.toString(alert));
        structure.put("email", text.emailBody());
        structure.put("sms", text.sms());
        if (utf8Length(structure.toString()) > MESSAGE_BUDGET_BYTES) {
            ObjectNode lean = AlertJson.toJson(alert);
            lean.putArray("evidence");
            ((ObjectNode) lean.get("current")).putArray("evidence");
            ((ObjectNode) lean.get("baseline")).putArray("evidence");
            lean.put("evidenceOmitted", alert.evidence().size());
            structure.put("default", lean.toString());
        }
        return PublishRequest.builder()
                .topicArn(topicArn)
                .messageStructure("json")
                .message(structure.toString())
                .subject(text.emailSubject())
                .messageAttributes(attributes(alert))
                .build();
    }

    static Map<String, MessageAttributeValue> attributes(Alert alert) {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        String actor = alert.series().actor();
        // SNS rejects empty attribute values; an alert without an actor simply has no actor attribute.
        if (actor != null && !actor.isBlank()) {
            a.put("actor", string(actor));
        }
        if (!alert.series().regions().isEmpty()) {
            ArrayNode regions = Json.MAPPER.createArrayNode();
            alert.series().regions().forEach(regions::add);
            a.put("regions", MessageAttributeValue.builder().dataType("String.Array").stringValue(regions.toString()).build());
        }
        a.put("eventType", string(alert.series().eventType().isBlank() ? "unknown" : alert.series().eventType()));
        a.put("rule", string(alert.rule()));
        a.put("severity", string(alert.severity().wire()));
        a.put("severityLevel", MessageAttributeValue.builder().dataType("Number")
                .stringValue(Integer.toString(alert.severity().level())).build());
        return a;
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
