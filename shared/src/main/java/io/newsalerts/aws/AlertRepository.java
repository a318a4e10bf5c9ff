package io.newsalerts.aws;

import io.newsalerts.domain.Alert;
import io.newsalerts.json.AlertJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts table. An alert is written once (conditional on its id), starts pending — carrying the sparse
 * {@code pending} attribute that the GSI of the same name indexes — and is marked sent only after SNS accepted it, so a
 * failed publish leaves it pending for a retry and a sent alert is never picked up again.
 */
public final class AlertRepository {
    public static final String PENDING = "pending";
    public static final String SENT = "sent";

    private final DynamoDbClient ddb;
    private final String table;
    private final Clock clock;

    public AlertRepository(DynamoDbClient ddb, String table, Clock clock) {
        this.ddb = ddb;
        this.table = table;
        this.clock = clock;
    }

    public AlertRepository(DynamoDbClient ddb, String table) {
        this(ddb, table, Clock.systemUTC());
    }

    /** Records a new alert as pending; false when an alert with the same id (rule, series, target) already exists. */
    public boolean record(Alert alert) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(alert.id()));
        item.put("rule", AttributeValue.fromS(alert.rule()));
        item.put("series", AttributeValue.fromS(alert.series().encode()));
        item.put("state", AttributeValue.fromS(PENDING));
        item.put("pending", AttributeValue.fromS("1"));
        item.put("payload", AttributeValue.fromS(AlertJson.toString(alert)));
        item.put("createdAt", AttributeValue.fromS(clock.instant().toString()));
        try {
            ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(id)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** Marks a pending alert sent; false when it was not pending (already sent by another delivery). */
    public boolean markSent(String id, String messageId) {
        try {
            ddb.updateItem(u -> u.tableName(table)
                    .key(Map.of("id", AttributeValue.fromS(id)))
                    .updateExpression("SET #state = :sent, messageId = :mid, sentAt = :now REMOVE #pending, claimedUntil")
                    .conditionExpression("attribute_exists(#pending)")
                    .expressionAttributeNames(Map.of("#state", "state", "#pending", "pending"))
                    .expressionAttributeValues(Map.of(
                            ":sent", AttributeValue.fromS(SENT),
                            ":mid", AttributeValue.fromS(messageId),
                            ":now", AttributeValue.fromS(clock.instant().toString()))));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    /**
     * Claims a pending alert for delivery for the length of the lease: only one delivery (a stream record, a retry of
     * it, or the sweep) can hold it at a time, so two of them cannot publish it at the same moment. False when the
     * alert is no longer pending or another delivery holds a live claim.
     */
    public boolean claim(String id, java.time.Duration lease) {
        long now = clock.instant().toEpochMilli();
        try {
            ddb.updateItem(u -> u.tableName(table)
                    .key(Map.of("id", AttributeValue.fromS(id)))
                    .updateExpression("SET #claimedUntil = :until")
                    .conditionExpression("attribute_exists(#pending) AND (attribute_not_exists(#claimedUntil) OR #claimedUntil < :now)")
                    .expressionAttributeNames(Map.of("#pending", "pending", "#claimedUntil", "claimedUntil"))
                    .expressionAttributeValues(Map.of(
                            ":until", AttributeValue.fromN(Long.toString(now + lease.toMillis())),
                            ":now", AttributeValue.fromN(Long.toString(now)))));
            return true;
        } catch (ConditionalCheckFailedException notAvailable) {
            return false;
        }
    }

    /** Gives up a claim after a failed publish, so the next retry need not wait for the lease to run out. */
    public void release(String id) {
        try {
            ddb.updateItem(u -> u.tableName(table)
                    .key(Map.of("id", AttributeValue.fromS(id)))
                    .updateExpression("REMOVE #claimedUntil")
                    .conditionExpression("attribute_exists(#pending)")
                    .expressionAttributeNames(Map.of("#pending", "pending", "#claimedUntil", "claimedUntil")));
        } catch (ConditionalCheckFailedException alreadySent) {
            // nothing to release
        }
    }

    /** Is this alert still waiting to be delivered? Read consistently, so a just-sent alert is not sent again. */
    public boolean isPending(String id) {
        var r = ddb.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true));
        return r.hasItem() && r.item().containsKey("pending");
    }

    /** Alerts not yet delivered, oldest first as the index returns them, at most {@code limit}. */
    public List<Alert> pending(int limit) {
        List<Alert> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = ddb.query(q -> q.tableName(table).indexName(io.newsalerts.aws.Tables.PENDING_INDEX)
                    .keyConditionExpression("#pending = :one")
                    .expressionAttributeNames(Map.of("#pending", "pending"))
                    .expressionAttributeValues(Map.of(":one", AttributeValue.fromS("1")))
                    .exclusiveStartKey(from)
                    .limit(limit));
            r.items().forEach(i -> out.add(fromItem(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit);
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    public Optional<Alert> find(String id) {
        var r = ddb.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true));
        return r.hasItem() ? Optional.of(fromItem(r.item())) : Optional.empty();
    }

    /** Every alert in the table (local runs and tests; a production table would be paged by the caller). */
    public List<Map<String, AttributeValue>> scanAll() {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        ddb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(out::add);
        return out;
    }

    /** The alert held by a table item or a stream image of one. */
    public static Alert fromItem(Map<String, AttributeValue> item) {
        return AlertJson.fromString(item.get("payload").s());
    }

    /** Is this item (or stream image) an alert still waiting for delivery? */
    public static boolean isPendingItem(Map<String, AttributeValue> item) {
        return item.containsKey("pending");
    }
}
