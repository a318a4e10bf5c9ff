package io.newsalerts.aws;

import io.newsalerts.lifecycle.Silence;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The silences table: one item per silence, expiring by TTL ({@code expiresAt}, epoch seconds, = until). DynamoDB
 * deletes expired items only within a day or two, so reads filter on {@code until} as well.
 */
public final class SilenceRepository {
    private final DynamoDbClient ddb;
    private final String table;
    private final Clock clock;

    public SilenceRepository(DynamoDbClient ddb, String table, Clock clock) {
        this.ddb = ddb;
        this.table = table;
        this.clock = clock;
    }

    public SilenceRepository(DynamoDbClient ddb, String table) {
        this(ddb, table, Clock.systemUTC());
    }

    /** Stores a new silence (a fresh id) and returns it. */
    public Silence add(String actor, String region, String rule, Instant until, String reason) {
        Silence s = new Silence(UUID.randomUUID().toString(), actor, region, rule, until, reason, clock.instant());
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("id", AttributeValue.fromS(s.id()));
        put(item, "actor", s.actor());
        put(item, "region", s.region());
        put(item, "rule", s.rule());
        put(item, "reason", s.reason());
        item.put("until", AttributeValue.fromS(s.until().toString()));
        item.put("createdAt", AttributeValue.fromS(s.createdAt().toString()));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(s.until().getEpochSecond())));
        ddb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(id)"));
        return s;
    }

    /** Silences still in force now. */
    public List<Silence> active() {
        Instant now = clock.instant();
        List<Silence> out = new ArrayList<>();
        ddb.scanPaginator(b -> b.tableName(table).consistentRead(true)
                        .filterExpression("#until > :now")
                        .expressionAttributeNames(Map.of("#until", "until"))
                        .expressionAttributeValues(Map.of(":now", AttributeValue.fromS(now.toString()))))
                .items().forEach(i -> out.add(new Silence(i.get("id").s(), FactItems.s(i, "actor"), FactItems.s(i, "region"),
                        FactItems.s(i, "rule"), Instant.parse(i.get("until").s()), FactItems.s(i, "reason"),
                        Instant.parse(i.get("createdAt").s()))));
        return out;
    }

    private static void put(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }
}
