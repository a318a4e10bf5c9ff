package io.newsalerts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.StreamImages;
import io.newsalerts.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB stream batch as Lambda delivers it, and the partial-failure answer Lambda expects with
 * ReportBatchItemFailures: the sequence numbers of the records to retry. A record that fails does not stop the others.
 */
public final class StreamBatch {

    /** One stream record: what happened to which item. */
    public record Record(String eventName, String sequenceNumber, Map<String, AttributeValue> keys,
                         Map<String, AttributeValue> newImage) {
        public boolean isInsert() {
            return "INSERT".equals(eventName);
        }
    }

    /** Handles one record; throwing marks it failed. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(Record record) throws Exception;
    }

    private StreamBatch() {
    }

    public static List<Record> records(JsonNode event) {
        List<Record> out = new ArrayList<>();
        for (JsonNode r : event.path("Records")) {
            JsonNode d = r.path("dynamodb");
            out.add(new Record(
                    r.path("eventName").asText(),
                    d.path("SequenceNumber").asText(),
                    StreamImages.item(d.path("Keys")),
                    d.has("NewImage") ? StreamImages.item(d.get("NewImage")) : Map.of()));
        }
        return out;
    }

    /**
     * Runs the handler on every record and answers {"batchItemFailures": [...]}. Failures are reported, not thrown:
     * Lambda then retries from the first failed record, and already-handled records must be (and are) idempotent.
     */
    public static ObjectNode process(JsonNode event, RecordHandler handler, java.util.function.BiConsumer<Record, Exception> onFailure) {
        List<String> failed = new ArrayList<>();
        for (Record r : records(event)) {
            try {
                handler.handle(r);
            } catch (Exception e) {
                onFailure.accept(r, e);
                failed.add(r.sequenceNumber());
            }
        }
        return failures(failed);
    }

    /** The answer that has Lambda retry these records (by sequence number); none: the batch is done. */
    public static ObjectNode failures(java.util.Collection<String> sequenceNumbers) {
        ObjectNode response = Json.object();
        ArrayNode failures = response.putArray("batchItemFailures");
        sequenceNumbers.forEach(n -> failures.addObject().put("itemIdentifier", n));
        return response;
    }
}
