package io.newsalerts.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    /** The alerts received (each message's SNS envelope holds the alert document), removed from the queue. */
    public List<Alert> drainAlerts() {
        List<Alert> alerts = new ArrayList<>();
        for (Message m : drain()) {
            try {
                alerts.add(AlertJson.fromString(Json.MAPPER.readTree(m.body()).path("Message").asText()));
            } catch (JsonProcessingException e) {
                throw new AssertionError("not an SNS envelope with an alert: " + m.body(), e);
            }
        }
        return alerts;
    }
}
