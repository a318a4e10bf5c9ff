package io.newsalerts.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.counting.Tally;
import io.newsalerts.domain.Evidence;
import io.newsalerts.domain.Observation;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters table: partition = series, sort = period ("2024-01-01..2024-06-30"). Holds incident counters
 * (atomic additions) and reported-statistic slots (conditional replacement), plus short-lived "applied" markers that
 * make counting an article exactly-once under redelivery.
 */
public final class CounterRepository {

    /** What a reported figure did to its slot. */
    public enum Outcome { NEW, REPLACED, CORROBORATED, IGNORED }

    private static final String MARKER_PREFIX = "applied#";
    private static final int TRANSACTION_LIMIT = 100;

    private final DynamoDbClient ddb;
    private final String table;
    private final Duration markerTtl;
    private final Clock clock;

    public CounterRepository(DynamoDbClient ddb, String table, Duration markerTtl, Clock clock) {
        this.ddb = ddb;
        this.table = table;
        this.markerTtl = markerTtl;
        this.clock = clock;
    }

    public CounterRepository(DynamoDbClient ddb, String table) {
        // Markers must outlive the stream's 24-hour retention and Lambda's retries; a week is ample.
        this(ddb, table, Duration.ofDays(7), Clock.systemUTC());
    }

    /** True for marker items, which are bookkeeping, not counters. */
    public static boolean isMarker(String seriesAttribute) {
        return seriesAttribute.startsWith(MARKER_PREFIX);
    }

    /**
     * Adds an article's incidents to their counters exactly once: each transaction carries a marker that can only be
     * created once, so a redelivered article cancels its own transaction and changes nothing.
     *
     * @return false when the article had already been counted
     */
    public boolean applyIncidents(String articleId, String source, List<Tally.Increment> increments) {
        boolean applied = false;
        int perChunk = TRANSACTION_LIMIT - 1;
        for (int from = 0, chunk = 0; from < increments.size(); from += perChunk, chunk++) {
            List<Tally.Increment> part = increments.subList(from, Math.min(increments.size(), from + perChunk));
            String chunkId = Integer.toString(chunk);
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(Map.of(
                            "series", AttributeValue.fromS(MARKER_PREFIX + articleId),
                            "period", AttributeValue.fromS(chunkId),
                            "expiresAt", AttributeValue.fromN(Long.toString(clock.instant().plus(markerTtl).getEpochSecond()))))
                    .conditionExpression("attribute_not_exists(series)")).build());
            for (Tally.Increment inc : part) {
                items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(key(inc.series(), inc.period()))
                        .updateExpression("ADD #count :by, #sources :source SET #kind = :kind")
                        .expressionAttributeNames(Map.of("#count", "count", "#sources", "sources", "#kind", "kind"))
                        .expressionAttributeValues(Map.of(
                                ":by", AttributeValue.fromN(Long.toString(inc.by())),
                                ":source", AttributeValue.fromSs(List.of(source == null || source.isBlank() ? articleId : source)),
                                ":kind", AttributeValue.fromS("counter")))).build());
            }
            try {
                ddb.transactWriteItems(b -> b.transactItems(items));
                applied = true;
            } catch (TransactionCanceledException e) {
                if (!markerConflict(e)) {
                    throw e;
                }
            }
        }
        return applied;
    }

    private static boolean markerConflict(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code());
    }

    /**
     * Records a reported figure in its slot: a new slot takes it; a larger figure published no earlier replaces it;
     * the same figure from another source corroborates it; anything else leaves the slot as it is. Never summed.
     */
    public Outcome recordStatistic(SeriesKey series, Period period, long count, Evidence evidence, LocalDate published) {
        String ev = evidenceJson(evidence);
        String source = evidence.source() == null || evidence.source().isBlank() ? "unknown" : evidence.source();
        Map<String, String> names = Map.of("#count", "count", "#sources", "sources", "#evidence", "evidence",
                "#reportedOn", "reportedOn", "#kind", "kind");
        try {
            boolean existed = ddb.updateItem(u -> u.tableName(table)
                    .key(key(series, period))
                    .updateExpression("SET #count = :count, #reportedOn = :published, #kind = :kind, "
                            + "#sources = :source, #evidence = :evidence")
                    .conditionExpression("attribute_not_exists(#count) OR (#count < :count AND #reportedOn <= :published)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(Map.of(
                            ":count", AttributeValue.fromN(Long.toString(count)),
                            ":published", AttributeValue.fromS(published.toString()),
                            ":kind", AttributeValue.fromS("statistic"),
                            ":source", AttributeValue.fromSs(List.of(source)),
                            ":evidence", AttributeValue.fromSs(List.of(ev))))
                    .returnValues("UPDATED_OLD")).attributes().containsKey("count");
            return existed ? Outcome.REPLACED : Outcome.NEW;
        } catch (ConditionalCheckFailedException notLarger) {
            // fall through: maybe the same figure again
        }
        try {
            ddb.updateItem(u -> u.tableName(table)
                    .key(key(series, period))
                    .updateExpression("ADD #sources :source, #evidence :evidence")
                    .conditionExpression("#count = :count")
                    .expressionAttributeNames(Map.of("#count", "count", "#sources", "sources", "#evidence", "evidence"))
                    .expressionAttributeValues(Map.of(
                            ":count", AttributeValue.fromN(Long.toString(count)),
                            ":source", AttributeValue.fromSs(List.of(source)),
                            ":evidence", AttributeValue.fromSs(List.of(ev)))));
            return Outcome.CORROBORATED;
        } catch (ConditionalCheckFailedException different) {
            return Outcome.IGNORED;
        }
    }

    /** Every counter or statistic of one series, oldest period first. */
    public List<Observation> series(SeriesKey series) {
        List<Observation> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = ddb.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("series = :s")
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(series.encode())))
                    .exclusiveStartKey(from)
                    .consistentRead(true)
                    .build());
            r.items().stream().filter(i -> i.containsKey("count")).forEach(i -> out.add(observation(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        out.sort((a, b) -> a.period().compareTo(b.period()));
        return out;
    }

    private static Observation observation(Map<String, AttributeValue> item) {
        List<Evidence> evidence = new ArrayList<>();
        AttributeValue ev = item.get("evidence");
        if (ev != null && ev.hasSs()) {
            ev.ss().forEach(s -> evidence.add(parseEvidence(s)));
        }
        AttributeValue sources = item.get("sources");
        String reported = FactItems.s(item, "reportedOn");
        String[] p = item.get("period").s().split("\\.\\.");
        return new Observation(Period.of(p[0], p[1]), Long.parseLong(item.get("count").n()), evidence,
                reported == null ? null : LocalDate.parse(reported),
                sources != null && sources.hasSs() ? sources.ss().size() : evidence.size());
    }

    static Map<String, AttributeValue> key(SeriesKey series, Period period) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put("series", AttributeValue.fromS(series.encode()));
        k.put("period", AttributeValue.fromS(period.toString()));
        return k;
    }

    private static String evidenceJson(Evidence e) {
        var o = Json.object();
        o.put("sentence", e.sentence());
        o.put("source", e.source());
        o.put("attributedTo", e.attributedTo());
        return o.toString();
    }

    private static Evidence parseEvidence(String json) {
        try {
            JsonNode o = Json.MAPPER.readTree(json);
            return new Evidence(o.path("sentence").asText(null), o.path("source").asText(null),
                    o.hasNonNull("attributedTo") ? o.get("attributedTo").asText() : null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt evidence in counters table: " + json, e);
        }
    }
}
