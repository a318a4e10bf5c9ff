package io.newsalerts.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.domain.Alert;
import io.newsalerts.json.AlertJson;
import io.newsalerts.json.Json;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An SQS queue standing in for one subscriber of the alerts topic, with a filter policy like a real one's. */
public record QueueSubscriber(SqsClient sqs, String queueUrl) {

    /** A new queue subscribed to the topic; raw delivery off, so bodies are SNS envelopes. */
    public static QueueSubscriber subscribe(SnsClient sns, SqsClient sqs, String topicArn, String name, String filterPolicy) {
        String url = sqs.createQueue(b -> b.queueName(LocalAws.Endpoint.uniqueName(name))).queueUrl();
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("RawMessageDelivery", "false");
        if (filterPolicy != null) {
            attributes.put("FilterPolicy", filterPolicy);
            attributes.put("FilterPolicyScope", "MessageAttributes");
        }
        sns.subscribe(b -> b.topicArn(topicArn).protocol("sqs").endpoint(arn).attributes(attributes));
        return new QueueSubscriber(sqs, url);
    }

    /** Everything in the queue now, removed from it: once publish returned, SNS has handed every message over. */
    public List<Message> drain() {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        }
    }

    /** The alerts received (each message's SNS envelope holds one alert or a group of them), removed from the queue. */
    public List<Alert> drainAlerts() {
        return drainMessages().stream().flatMap(r -> r.alerts().stream()).toList();
    }

    /** One message as a machine subscriber reads it: the SNS envelope and the alerts its document holds. */
    public record Received(JsonNode envelope, List<Alert> alerts) {
        /** The value of a message attribute, or null when the message does not carry it. */
        public String attribute(String name) {
            JsonNode v = envelope.path("MessageAttributes").path(name).path("Value");
            return v.isMissingNode() ? null : v.asText();
        }

        public String subject() {
            return envelope.path("Subject").asText(null);
        }

        /** The machine document itself: an alert, {"alerts": [...]} for a group, or a digest. */
        public JsonNode document() {
            try {
                return Json.MAPPER.readTree(envelope.path("Message").asText());
            } catch (JsonProcessingException e) {
                throw new AssertionError("the message is not JSON: " + envelope, e);
            }
        }
    }

    /** Every message received, one entry per message, removed from the queue. */
    public List<Received> drainMessages() {
        List<Received> out = new ArrayList<>();
        for (Message m : drain()) {
            try {
                JsonNode envelope = Json.MAPPER.readTree(m.body());
                JsonNode doc = Json.MAPPER.readTree(envelope.path("Message").asText());
                List<Alert> alerts = new ArrayList<>();
                if (doc.has("alerts")) {
                    doc.get("alerts").forEach(a -> alerts.add(AlertJson.fromJson(a)));
                } else {
                    alerts.add(AlertJson.fromJson(doc));
                }
                out.add(new Received(envelope, alerts));
            } catch (JsonProcessingException e) {
                throw new AssertionError("not an SNS envelope with alerts: " + m.body(), e);
            }
        }
        return out;
    }
}
