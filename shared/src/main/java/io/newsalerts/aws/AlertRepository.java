package io.newsalerts.aws;

import io.newsalerts.domain.Alert;
import io.newsalerts.domain.AlertState;
import io.newsalerts.lifecycle.Lifecycle;
import io.newsalerts.json.AlertJson;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
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
    /** Delivery state of an alert recorded without being sent (silenced). */
    public static final String NOT_SENT = "not-sent";
    /** Set by {@link #release}: the image of a released claim is not a new delivery. */
    static final String RELEASED_AT = "releasedAt";

    // Lifecycle attributes: the alert's state, the version every transition is conditioned on, whether any state was
    // ever sent, the list of state changes, and what GET /alerts filters on.
    static final String LIFECYCLE = "lifecycle";
    static final String VERSION = "version";
    static final String NOTIFIED = "notified";
    static final String HISTORY = "history";
    static final String ACTOR = "actor";
    static final String PLACES = "places";
    static final String UPDATED_AT = "updatedAt";

    private final DynamoDbClient ddb;
    private final String table;
    private final Clock clock;
    /** Claims this repository holds (alert id -> claim expiry), so markSent only marks the state it claimed. */
    private final Map<String, Long> claims = new java.util.concurrent.ConcurrentHashMap<>();

    public AlertRepository(DynamoDbClient ddb, String table, Clock clock) {
        this.ddb = ddb;
        this.table = table;
        this.clock = clock;
    }

    public AlertRepository(DynamoDbClient ddb, String table) {
        this(ddb, table, Clock.systemUTC());
    }

    /**
     * Records a new alert as pending, in its own lifecycle state; false when an alert with the same id (rule, series,
     * target) already exists.
     */
    public boolean record(Alert alert) {
        return apply(new Lifecycle.Transition(alert, true), Optional.empty());
    }

    /** What the table holds for this key, read consistently; empty when no alert was ever recorded for it. */
    public Optional<Lifecycle.Standing> standing(String id) {
        var r = ddb.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))).consistentRead(true));
        return r.hasItem() ? Optional.of(standingOf(r.item())) : Optional.empty();
    }

    /**
     * {@link #standing} of several keys in one BatchGetItem (consistent reads, up to 100 keys a request): every id
     * asked for is in the answer, empty when no alert was ever recorded for it.
     */
    public Map<String, Optional<Lifecycle.Standing>> standings(java.util.Collection<String> ids) {
        List<String> all = ids.stream().distinct().toList();
        Map<String, Optional<Lifecycle.Standing>> out = new HashMap<>();
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(id -> Map.of("id", AttributeValue.fromS(id))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 1; request != null && !request.isEmpty(); attempt++) {
                if (attempt > 5) { // throttled again and again: read the rest one by one (the SDK retries those)
                    request.get(table).keys().forEach(k -> out.put(k.get("id").s(), standing(k.get("id").s())));
                    break;
                }
                Map<String, KeysAndAttributes> ask = request;
                var r = ddb.batchGetItem(b -> b.requestItems(ask));
                r.responses().getOrDefault(table, List.of()).forEach(i -> out.put(i.get("id").s(), Optional.of(standingOf(i))));
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : null;
            }
        }
        all.forEach(id -> out.putIfAbsent(id, Optional.empty()));
        return out;
    }

    private static Lifecycle.Standing standingOf(Map<String, AttributeValue> i) {
        Alert a = fromItem(i);
        AttributeValue lifecycle = i.get(LIFECYCLE);
        AttributeValue version = i.get(VERSION);
        AttributeValue notified = i.get(NOTIFIED);
        Alert recorded = lifecycle == null ? a : a.withState(AlertState.fromWire(lifecycle.s()));
        return new Lifecycle.Standing(recorded, notified == null || notified.bool(),
                version == null ? 0 : Long.parseLong(version.n()));
    }

    /**
     * Replaces the recorded figures of an alert without a transition (more sources now carry the same figure): no
     * new version, nothing pending. False when a transition got there first.
     */
    public boolean refresh(Alert alert, Lifecycle.Standing standing) {
        try {
            ddb.updateItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(alert.id())))
                    .updateExpression("SET #payload = :payload")
                    .conditionExpression(standing.version() == 0 ? "attribute_not_exists(#version)" : "#version = :version")
                    .expressionAttributeNames(Map.of("#payload", "payload", "#version", VERSION))
                    .expressionAttributeValues(standing.version() == 0
                            ? Map.of(":payload", AttributeValue.fromS(AlertJson.toString(alert.withState(standing.state()))))
                            : Map.of(":payload", AttributeValue.fromS(AlertJson.toString(alert.withState(standing.state()))),
                                    ":version", AttributeValue.fromN(Long.toString(standing.version())))));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    /**
     * Records a lifecycle transition, conditional on the table still holding what {@code previous} says (no item, or
     * the same version): false when another evaluation got there first (re-read and judge again). A transition to
     * deliver makes the alert pending again with its new state, and drops any delivery's claim on the old state, so
     * notify sends the new one; a transition not to deliver (silenced) leaves nothing pending.
     */
    public boolean apply(Lifecycle.Transition t, Optional<Lifecycle.Standing> previous) {
        Alert alert = t.alert();
        String now = clock.instant().toString();
        AttributeValue change = AttributeValue.fromL(List.of(change(alert, now, t.deliver())));
        try {
            if (previous.isEmpty()) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("id", AttributeValue.fromS(alert.id()));
                item.put("rule", AttributeValue.fromS(alert.rule()));
                item.put("series", AttributeValue.fromS(alert.series().encode()));
                if (alert.series().actor() != null) {
                    item.put(ACTOR, AttributeValue.fromS(alert.series().actor()));
                }
                item.put(PLACES, AttributeValue.fromSs(places(alert)));
                item.put(LIFECYCLE, AttributeValue.fromS(alert.state().wire()));
                item.put(VERSION, AttributeValue.fromN("1"));
                item.put(NOTIFIED, AttributeValue.fromBool(t.deliver()));
                item.put(HISTORY, change);
                item.put("payload", AttributeValue.fromS(AlertJson.toString(alert)));
                item.put("createdAt", AttributeValue.fromS(now));
                item.put(UPDATED_AT, AttributeValue.fromS(now));
                if (t.deliver()) {
                    item.put("state", AttributeValue.fromS(PENDING));
                    item.put("pending", AttributeValue.fromS("1"));
                } else {
                    item.put("state", AttributeValue.fromS(NOT_SENT));
                }
                ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(id)"));
                return true;
            }
            long version = previous.get().version();
            Map<String, String> names = new HashMap<>(Map.of("#lifecycle", LIFECYCLE, "#version", VERSION,
                    "#history", HISTORY, "#payload", "payload", "#updatedAt", UPDATED_AT, "#state", "state",
                    "#pending", "pending", "#notified", NOTIFIED));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(
                    ":lifecycle", AttributeValue.fromS(alert.state().wire()),
                    ":next", AttributeValue.fromN(Long.toString(version + 1)),
                    ":change", change,
                    ":payload", AttributeValue.fromS(AlertJson.toString(alert)),
                    ":now", AttributeValue.fromS(now)));
            String update = "SET #lifecycle = :lifecycle, #version = :next, #history = list_append(#history, :change), "
                    + "#payload = :payload, #updatedAt = :now";
            if (t.deliver()) {
                names.put("#claimedUntil", "claimedUntil");
                names.put("#releasedAt", RELEASED_AT);
                values.put(":pending", AttributeValue.fromS(PENDING));
                values.put(":one", AttributeValue.fromS("1"));
                values.put(":true", AttributeValue.fromBool(true));
                update += ", #state = :pending, #pending = :one, #notified = :true REMOVE #claimedUntil, #releasedAt";
            } else {
                // An earlier state still waiting to go out is stale now; the silenced state is not sent.
                values.put(":notSent", AttributeValue.fromS(NOT_SENT));
                update += ", #state = :notSent REMOVE #pending";
            }
            String condition = version == 0 ? "attribute_not_exists(#version)" : "#version = :version";
            if (version != 0) {
                values.put(":version", AttributeValue.fromN(Long.toString(version)));
            }
            String u = update;
            ddb.updateItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(alert.id())))
                    .updateExpression(u).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }

    private static AttributeValue change(Alert a, String at, boolean delivered) {
        return AttributeValue.fromM(Map.of(
                "state", AttributeValue.fromS(a.state().wire()),
                "at", AttributeValue.fromS(at),
                "ratio", AttributeValue.fromN(Double.toString(a.ratio())),
                "severity", AttributeValue.fromS(a.severity().wire()),
                "count", AttributeValue.fromN(Long.toString(a.current().count())),
                "period", AttributeValue.fromS(a.current().period().toString()),
                "notify", AttributeValue.fromBool(delivered)));
    }

    /** Regions and area, as filters match them ("IQ", "SY"; or the area's name). */
    private static List<String> places(Alert a) {
        List<String> p = new ArrayList<>(a.series().regions());
        if (a.series().area() != null) {
            p.add(a.series().area());
        }
        return p.isEmpty() ? List.of("-") : p;
    }

    /**
     * Marks a pending alert sent; false when it was not pending (already sent by another delivery), or when a lifecycle
     * transition replaced the state this repository claimed (the new state stays pending, to be sent in turn).
     */
    public boolean markSent(String id, String messageId) {
        Long token = claims.remove(id);
        Map<String, String> names = new HashMap<>(Map.of("#state", "state", "#pending", "pending"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":sent", AttributeValue.fromS(SENT),
                ":mid", AttributeValue.fromS(messageId),
                ":now", AttributeValue.fromS(clock.instant().toString())));
        String condition = "attribute_exists(#pending)";
        if (token != null) {
            // Fencing: our claim must still be there; a transition removes it, a later claim replaces it.
            condition += " AND #claimedUntil = :token";
            names.put("#claimedUntil", "claimedUntil");
            values.put(":token", AttributeValue.fromN(Long.toString(token)));
        }
        String c = condition;
        try {
            ddb.updateItem(u -> u.tableName(table)
                    .key(Map.of("id", AttributeValue.fromS(id)))
                    .updateExpression("SET #state = :sent, messageId = :mid, sentAt = :now REMOVE #pending, claimedUntil")
                    .conditionExpression(c)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notPending) {
            return false;
        }
    }

    /**
     * Claims a pending alert for delivery for the length of the lease: only one delivery (a stream record, a retry of
     * it, or the sweep) can hold it at a time, so two of them cannot publish it at the same moment. False when the
     * alert is no longer pending or another delivery holds a live claim. The claim's expiry doubles as a fencing
     * token that {@link #markSent} checks.
     */
    public boolean claim(String id, java.time.Duration lease) {
        long now = clock.instant().toEpochMilli();
        long until = now + lease.toMillis();
        try {
            ddb.updateItem(u -> u.tableName(table)
                    .key(Map.of("id", AttributeValue.fromS(id)))
                    .updateExpression("SET #claimedUntil = :until")
                    .conditionExpression("attribute_exists(#pending) AND (attribute_not_exists(#claimedUntil) OR #claimedUntil < :now)")
                    .expressionAttributeNames(Map.of("#pending", "pending", "#claimedUntil", "claimedUntil"))
                    .expressionAttributeValues(Map.of(
                            ":until", AttributeValue.fromN(Long.toString(until)),
                            ":now", AttributeValue.fromN(Long.toString(now)))));
            claims.put(id, until);
            return true;
        } catch (ConditionalCheckFailedException notAvailable) {
            return false;
        }
    }

    /**
     * Gives up a claim after a failed publish, so the next retry need not wait for the lease to run out. The release
     * is marked ({@code releasedAt}) so that its own stream record is not a delivery: the failed record is retried by
     * its mapping and the sweep, and a release that triggered another delivery would, while SNS is down, feed the
     * stream a new failing record with every failure, without end.
     */
    public void release(String id) {
        claims.remove(id);
        try {
            ddb.updateItem(u -> u.tableName(table)
                    .key(Map.of("id", AttributeValue.fromS(id)))
                    .updateExpression("SET #releasedAt = :now REMOVE #claimedUntil")
                    .conditionExpression("attribute_exists(#pending)")
                    .expressionAttributeNames(Map.of("#pending", "pending", "#claimedUntil", "claimedUntil",
                            "#releasedAt", RELEASED_AT))
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(clock.instant().toString()))));
        } catch (ConditionalCheckFailedException alreadySent) {
            // nothing to release
        }
    }

    /**
     * Is this stream image of an alert its latest lifecycle state? False when a later transition has replaced it, so
     * that a late stream record does not publish an outdated state (an image without a version predates lifecycles).
     */
    public boolean isLatestState(Map<String, AttributeValue> image) {
        AttributeValue imageVersion = image.get(VERSION);
        if (imageVersion == null || !image.containsKey("id")) {
            return true;
        }
        var r = ddb.getItem(b -> b.tableName(table).key(Map.of("id", image.get("id"))).consistentRead(true));
        AttributeValue current = r.hasItem() ? r.item().get(VERSION) : null;
        return current == null || Long.parseLong(current.n()) <= Long.parseLong(imageVersion.n());
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

    /** One state change of an alert, as the history shows it. */
    public record Change(String state, String at, double ratio, String severity, long count, String period, boolean notified) {
    }

    /** An alert with its lifecycle, as GET /alerts returns it. */
    public record Recorded(Alert alert, String delivery, String createdAt, String updatedAt, List<Change> changes) {
    }

    /**
     * Alerts changed at or after {@code since}, of an actor and/or a region (ISO code or area name) when given, newest
     * change first, at most {@code limit}. A filtered scan: fine for the thousands of alerts a year this product makes;
     * a table of millions would want an index by actor.
     */
    public List<Recorded> history(String actor, String region, java.time.Instant since, int limit) {
        List<String> filters = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        filters.add("attribute_exists(#lifecycle)");
        names.put("#lifecycle", LIFECYCLE);
        if (actor != null) {
            filters.add("#actor = :actor");
            names.put("#actor", ACTOR);
            values.put(":actor", AttributeValue.fromS(actor));
        }
        if (region != null) {
            filters.add("contains(#places, :place)");
            names.put("#places", PLACES);
            values.put(":place", AttributeValue.fromS(region));
        }
        if (since != null) {
            filters.add("#updatedAt >= :since");
            names.put("#updatedAt", UPDATED_AT);
            values.put(":since", AttributeValue.fromS(since.toString()));
        }
        List<Recorded> out = new ArrayList<>();
        ddb.scanPaginator(b -> b.tableName(table).filterExpression(String.join(" AND ", filters))
                        .expressionAttributeNames(names).expressionAttributeValues(values.isEmpty() ? null : values))
                .items().forEach(i -> out.add(recorded(i)));
        out.sort(java.util.Comparator.comparing(Recorded::updatedAt).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static Recorded recorded(Map<String, AttributeValue> i) {
        List<Change> changes = new ArrayList<>();
        AttributeValue h = i.get(HISTORY);
        if (h != null && h.hasL()) {
            for (AttributeValue c : h.l()) {
                Map<String, AttributeValue> m = c.m();
                changes.add(new Change(m.get("state").s(), m.get("at").s(), Double.parseDouble(m.get("ratio").n()),
                        m.get("severity").s(), Long.parseLong(m.get("count").n()), m.get("period").s(),
                        m.containsKey("notify") && m.get("notify").bool()));
            }
        }
        return new Recorded(fromItem(i), FactItems.s(i, "state"), FactItems.s(i, "createdAt"), FactItems.s(i, UPDATED_AT),
                changes);
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

    /**
     * Is this stream image a state for notify to deliver: pending, and not merely a delivery's claim on it? A new alert
     * and a lifecycle transition are; a claim (same pending state, claimedUntil set) is not, and neither is the release
     * of a claim after a failed publish (releasedAt set): that record is retried by its mapping and by the sweep.
     */
    public static boolean isDeliverableImage(Map<String, AttributeValue> image) {
        return image != null && image.containsKey("pending") && image.containsKey("payload")
                && !image.containsKey("claimedUntil") && !image.containsKey(RELEASED_AT);
    }

    /** Is this item (or stream image) an alert still waiting for delivery? */
    public static boolean isPendingItem(Map<String, AttributeValue> item) {
        return item.containsKey("pending");
    }
}
