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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters table: partition = series, sort = period ("2024-01-01..2024-06-30"). Holds incident counters
 * (atomic additions) and reported-statistic slots (conditional replacement), plus per-day bookkeeping items
 * ("day#" + series, date) that make incident counting idempotent across redeliveries and outlets.
 */
public final class CounterRepository {

    /** What a reported figure did to its slot. */
    public enum Outcome { NEW, REPLACED, CORROBORATED, IGNORED }

    /**
     * Evidence kept per statistic: the sentences an alert quotes. Later reports of the same figure still add their
     * source (what corroboration counts), not their sentence.
     */
    public static final int MAX_EVIDENCE = 10;

    private static final String DAY_PREFIX = "day#";
    private static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient ddb;
    private final String table;
    private final Duration dayTtl;
    private final Clock clock;

    public CounterRepository(DynamoDbClient ddb, String table, Duration dayTtl, Clock clock) {
        this.ddb = ddb;
        this.table = table;
        this.dayTtl = dayTtl;
        this.clock = clock;
    }

    public CounterRepository(DynamoDbClient ddb, String table) {
        // A day's count must outlive late reports of the same day (weekly and monthly round-ups): keep it 400 days.
        this(ddb, table, Duration.ofDays(400), Clock.systemUTC());
    }

    /** True for the per-day bookkeeping items, which are not counters. */
    public static boolean isBookkeeping(String seriesAttribute) {
        return seriesAttribute.startsWith(DAY_PREFIX);
    }

    /**
     * Raises a day's incident count for a series to what an article reports, and that series' year, quarter and month
     * counters by the difference, in one transaction conditioned on the day's previous count. A redelivered article,
     * or another outlet's report of the same day, finds the day already as high and adds nothing; a race with a
     * concurrent writer cancels the transaction and is retried on fresh data.
     *
     * @return how much the counters grew (0 when the day already had at least this many)
     */
    public long recordDay(Tally.DayCount day, String source) {
        Map<String, AttributeValue> dayKey = Map.of(
                "series", AttributeValue.fromS(DAY_PREFIX + day.series().encode()),
                "period", AttributeValue.fromS(day.day().toString()));
        String src = source == null || source.isBlank() ? "unknown" : source;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            var current = ddb.getItem(b -> b.tableName(table).key(dayKey).consistentRead(true));
            long before = current.hasItem() ? Long.parseLong(current.item().get("count").n()) : 0;
            if (day.count() <= before) {
                return 0;
            }
            long delta = day.count() - before;
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(dayKey)
                    .updateExpression("SET #count = :count, #expiresAt = :expires")
                    .conditionExpression(before == 0 ? "attribute_not_exists(#count)" : "#count = :before")
                    .expressionAttributeNames(Map.of("#count", "count", "#expiresAt", "expiresAt"))
                    .expressionAttributeValues(before == 0
                            ? Map.of(":count", number(day.count()), ":expires", number(expiry()))
                            : Map.of(":count", number(day.count()), ":expires", number(expiry()), ":before", number(before))))
                    .build());
            for (Period p : Tally.calendarPeriods(day.day())) {
                items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(key(day.series(), p))
                        .updateExpression("ADD #count :by, #sources :source SET #kind = :kind")
                        .expressionAttributeNames(Map.of("#count", "count", "#sources", "sources", "#kind", "kind"))
                        .expressionAttributeValues(Map.of(
                                ":by", number(delta),
                                ":source", AttributeValue.fromSs(List.of(src)),
                                ":kind", AttributeValue.fromS("counter")))).build());
            }
            try {
                ddb.transactWriteItems(b -> b.transactItems(items));
                return delta;
            } catch (TransactionCanceledException e) {
                if (!conditionFailed(e)) {
                    throw e;
                }
                backoff(attempt);
            }
        }
        throw new IllegalStateException("day " + day.day() + " of " + day.series().encode() + " kept changing under us; "
                + "giving up after " + MAX_ATTEMPTS + " attempts (the stream record will be retried)");
    }

    /**
     * A lost race: our condition on the day's count no longer held, or DynamoDB cancelled the transaction because
     * another transaction was writing the same calendar counter at that moment (TransactionConflict). Both are
     * retried on fresh data; anything else (validation, throttling after the SDK's own retries) propagates.
     */
    private static boolean conditionFailed(TransactionCanceledException e) {
        return e.cancellationReasons().stream()
                .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()) || "TransactionConflict".equals(r.code()));
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 20 * (1L << Math.min(attempt, 6))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a counter update", e);
        }
    }

    private long expiry() {
        return clock.instant().plus(dayTtl).getEpochSecond();
    }

    private static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
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
        Map<String, AttributeValue> slot = null; // as it stood when our figure lost, when DynamoDB returned it
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
                    .returnValues("UPDATED_OLD")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                    .attributes().containsKey("count");
            return existed ? Outcome.REPLACED : Outcome.NEW;
        } catch (ConditionalCheckFailedException notLarger) {
            // The slot as it stood when our figure lost (DynamoDB returns it with the failure): a different figure
            // cannot be corroborated, and the same figure already carrying this source and evidence needs no write
            // (a redelivered record, a replay). Without the item, try the corroboration as before.
            slot = notLarger.hasItem() ? notLarger.item() : null;
            AttributeValue slotCount = slot == null ? null : slot.get("count");
            if (slotCount != null && slotCount.n() != null) {
                if (new java.math.BigDecimal(slotCount.n()).compareTo(java.math.BigDecimal.valueOf(count)) != 0) {
                    return Outcome.IGNORED;
                }
                if (contains(slot.get("sources"), source)
                        && (contains(slot.get("evidence"), ev) || size(slot.get("evidence")) >= MAX_EVIDENCE)) {
                    return Outcome.CORROBORATED;
                }
            }
        }
        // Evidence while the slot has room for it, then the source alone: a figure every outlet reprints would
        // otherwise grow the item past DynamoDB's 400 KB and fail every later report of it.
        boolean room = slot == null || size(slot.get("evidence")) < MAX_EVIDENCE;
        if (room && corroborate(series, period, count, source, ev)) {
            return Outcome.CORROBORATED;
        }
        return corroborate(series, period, count, source, null) ? Outcome.CORROBORATED : Outcome.IGNORED;
    }

    /**
     * Adds a source (and evidence, unless null: then only while the slot has room) to the slot if it holds count.
     * Package-private so that a test can reach the room check DynamoDB makes, which a race would otherwise need.
     */
    boolean corroborate(SeriesKey series, Period period, long count, String source, String evidence) {
        String update = "ADD #sources :source";
        String condition = "#count = :count";
        Map<String, String> names = new HashMap<>(Map.of("#count", "count", "#sources", "sources"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":count", AttributeValue.fromN(Long.toString(count)),
                ":source", AttributeValue.fromSs(List.of(source))));
        if (evidence != null) {
            update += ", #evidence :evidence";
            condition += " AND (attribute_not_exists(#evidence) OR size(#evidence) < :most)";
            names.put("#evidence", "evidence");
            values.put(":evidence", AttributeValue.fromSs(List.of(evidence)));
            values.put(":most", AttributeValue.fromN(Integer.toString(MAX_EVIDENCE)));
        }
        try {
            ddb.updateItem(UpdateItemRequest.builder().tableName(table).key(key(series, period))
                    .updateExpression(update).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values).build());
            return true;
        } catch (ConditionalCheckFailedException differentOrFull) {
            return false;
        }
    }

    private static int size(AttributeValue stringSet) {
        return stringSet != null && stringSet.hasSs() ? stringSet.ss().size() : 0;
    }

    private static boolean contains(AttributeValue stringSet, String value) {
        return stringSet != null && stringSet.hasSs() && stringSet.ss().contains(value);
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

    /** A series' per-day incident counts (the bookkeeping items), each as an observation of one day, oldest first. */
    public List<Observation> days(SeriesKey series) {
        List<Observation> out = new ArrayList<>();
        ddb.queryPaginator(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("series = :s")
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(DAY_PREFIX + series.encode())))
                        .consistentRead(true)
                        .build())
                .items().forEach(i -> out.add(new Observation(Period.day(LocalDate.parse(i.get("period").s())),
                        Long.parseLong(i.get("count").n()))));
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
