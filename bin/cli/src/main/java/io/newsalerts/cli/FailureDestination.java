package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Where the local pipeline puts what Lambda would give up on, in the shapes Lambda uses (template.yaml sends both to
 * FailureQueue):
 * <ul>
 * <li>a DynamoDB stream batch still failing after the mapping's retries: the OnFailure destination receives an
 * invocation record that <em>describes</em> the batch ({@code DDBStreamBatchInfo}: stream, shard, first and last
 * sequence number, size) and not its records. The records themselves stay readable in the stream for its 24-hour
 * retention, so an operator re-reads them from the shard at those sequence numbers;</li>
 * <li>an asynchronous invocation (an S3 notification) still failing after Lambda's two retries: the function's
 * dead-letter queue receives the original event as the message body, with the attributes RequestID, ErrorCode and
 * ErrorMessage.</li>
 * </ul>
 * Without a queue (the default) the record goes to stderr, so nothing is ever dropped silently.
 */
final class FailureDestination {

    private final SqsClient sqs;
    private final String queueUrl;

    FailureDestination(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    static FailureDestination stderr() {
        return new FailureDestination(null, null);
    }

    /** The record Lambda sends when a stream batch ran out of retry attempts. */
    static ObjectNode streamBatchRecord(String function, JsonNode batch, String shardId, int invokeCount, boolean threw) {
        JsonNode records = batch.path("Records");
        JsonNode first = records.get(0);
        JsonNode last = records.get(records.size() - 1);
        ObjectNode out = Json.object();
        ObjectNode request = out.putObject("requestContext");
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", "arn:aws:lambda:local:000000000000:function:" + function);
        request.put("condition", "RetryAttemptsExhausted");
        request.put("approximateInvokeCount", invokeCount);
        ObjectNode response = out.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        if (threw) {
            response.put("functionError", "Unhandled");
        }
        out.put("version", "1.0");
        out.put("timestamp", Instant.now().toString());
        ObjectNode info = out.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", first.path("dynamodb").path("SequenceNumber").asText());
        info.put("endSequenceNumber", last.path("dynamodb").path("SequenceNumber").asText());
        info.put("approximateArrivalOfFirstRecord", arrival(first));
        info.put("approximateArrivalOfLastRecord", arrival(last));
        info.put("batchSize", records.size());
        info.put("streamArn", first.path("eventSourceARN").asText());
        return out;
    }

    private static String arrival(JsonNode record) {
        JsonNode t = record.path("dynamodb").path("ApproximateCreationDateTime");
        return (t.isMissingNode() ? Instant.now() : Instant.ofEpochSecond(t.asLong())).toString();
    }

    void streamBatchFailed(String function, JsonNode batch, String shardId, int invokeCount, boolean threw) {
        send(streamBatchRecord(function, batch, shardId, invokeCount, threw).toString(), Map.of(), function);
    }

    /** A dead-letter message: the original event, and why it failed. */
    void asyncEventFailed(String function, JsonNode event, String requestId, RuntimeException error) {
        String message = String.valueOf(error.getMessage());
        send(event.toString(), Map.of(
                "RequestID", string(requestId),
                "ErrorCode", string("200"),
                "ErrorMessage", string(message.length() > 256 ? message.substring(0, 256) : message)), function);
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private void send(String body, Map<String, MessageAttributeValue> attributes, String function) {
        if (sqs == null) {
            System.err.println("[on-failure destination] " + function + ": " + body);
            return;
        }
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageAttributes(attributes));
    }
}
