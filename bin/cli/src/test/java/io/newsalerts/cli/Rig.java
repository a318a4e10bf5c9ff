package io.newsalerts.cli;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.aws.Tables;
import io.newsalerts.count.CountHandler;
import io.newsalerts.detect.DetectHandler;
import io.newsalerts.extract.Extractor;
import io.newsalerts.ingest.IngestHandler;
import io.newsalerts.notify.NotifyHandler;
import io.newsalerts.pipeline.Counting;
import io.newsalerts.pipeline.Detection;
import io.newsalerts.pipeline.Ingestion;
import io.newsalerts.rules.RuleSet;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The real handlers on fresh tables, with each table's stream pumped into the next handler as Lambda's mappings
 * would (one lane per stream, in order), recording every batch it delivered so a test can deliver them again. Unlike
 * {@link LocalPipeline} it hands the test the batches and the handlers.
 */
final class Rig {

    /** One delivery of one batch to one handler. */
    record Delivery(String function, RequestStreamHandler handler, ObjectNode batch) {
    }

    private record Stage(String function, StreamPump pump, RequestStreamHandler handler) {
    }

    final LocalAws.Endpoint aws;
    final DynamoDbClient ddb;
    final Tables tables;
    final IngestHandler ingest;
    final CountHandler count;
    final DetectHandler detect;
    final AlertRepository alerts;
    final NotifyHandler notify;
    final List<Delivery> delivered = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();

    /** @param publisher where notify publishes, or null for a rig without the notify stage */
    Rig(LocalAws.Endpoint aws, AlertPublisher publisher) {
        this.aws = aws;
        this.ddb = aws.clients().dynamoDb();
        this.tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("rig"));
        tables.create(ddb);
        CounterRepository counters = new CounterRepository(ddb, tables.counters());
        this.alerts = new AlertRepository(ddb, tables.alerts());
        this.ingest = new IngestHandler(new Ingestion(Extractor.defaults(), new ArticleRepository(ddb, tables.articles()),
                Clock.systemUTC()), null);
        this.count = new CountHandler(new Counting(counters));
        this.detect = new DetectHandler(new Detection(counters, RuleSet.defaults(), alerts,
                new SilenceRepository(ddb, tables.silences(), Clock.systemUTC()), Clock.systemUTC()));
        this.notify = publisher == null ? null : new NotifyHandler(alerts, publisher, 500);
        String region = aws.clients().region().id();
        var streams = aws.clients().dynamoDbStreams();
        stages.add(new Stage("count", new StreamPump(ddb, streams, tables.articles(), region, 10, 1), count));
        stages.add(new Stage("detect", new StreamPump(ddb, streams, tables.counters(), region, 10, 1), detect));
        if (notify != null) {
            stages.add(new Stage("notify", new StreamPump(ddb, streams, tables.alerts(), region, 10, 1), notify));
        }
    }

    /** POST /articles with a plain-text article; the HTTP API response event. */
    JsonNode post(String article) {
        return Lambda.invoke(ingest, HttpEvents.post("/articles", article, "text/plain"));
    }

    static JsonNode body(JsonNode response) {
        return Lambda.body(response);
    }

    /** Every batch the named stage's stream holds now, without delivering them. */
    List<ObjectNode> pending(String function) {
        Stage stage = stages.stream().filter(s -> s.function().equals(function)).findFirst().orElseThrow();
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode batch;
        while ((batch = stage.pump().poll(0)) != null) {
            out.add(batch);
        }
        return out;
    }

    /** Runs every stage until no stream has anything new; a batch item failure fails the test. */
    void drain() {
        boolean busy = true;
        while (busy) {
            busy = false;
            for (Stage stage : stages) {
                ObjectNode batch;
                while ((batch = stage.pump().poll(0)) != null) {
                    busy = true;
                    deliver(new Delivery(stage.function(), stage.handler(), batch));
                }
            }
        }
    }

    /** Delivers one batch and records it; a batch item failure fails the test. */
    JsonNode deliver(Delivery d) {
        JsonNode response = Lambda.invoke(d.handler(), d.batch());
        if (!response.path("batchItemFailures").isEmpty()) {
            throw new AssertionError(d.function() + " failed records " + response.path("batchItemFailures"));
        }
        delivered.add(d);
        return response;
    }

    /** Every item of the three tables, in a canonical form (sets sorted, numbers normalised), ordered by key. */
    Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String table : List.of(tables.articles(), tables.counters(), tables.alerts(), tables.silences())) {
            List<Map<String, Object>> items = new ArrayList<>();
            ddb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(i -> items.add(canonical(i)));
            items.sort((a, b) -> key(a).compareTo(key(b)));
            out.put(table.substring(table.lastIndexOf('-') + 1), items);
        }
        return out;
    }

    /** Counter and statistic items only (not the per-day bookkeeping), keyed "series|period". */
    Map<String, Long> counters() {
        Map<String, Long> out = new TreeMap<>();
        ddb.scanPaginator(b -> b.tableName(tables.counters()).consistentRead(true)).items().forEach(i -> {
            if (!CounterRepository.isBookkeeping(i.get("series").s())) {
                out.put(i.get("series").s() + "|" + i.get("period").s(), Long.parseLong(i.get("count").n()));
            }
        });
        return out;
    }

    private static String key(Map<String, Object> item) {
        return String.valueOf(item.get("id")) + "|" + item.get("series") + "|" + item.get("period");
    }

    static Map<String, Object> canonical(Map<String, AttributeValue> item) {
        Map<String, Object> out = new TreeMap<>();
        item.forEach((k, v) -> out.put(k, canonical(v)));
        return out;
    }

    private static Object canonical(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return new BigDecimal(v.n()).stripTrailingZeros().toPlainString();
        }
        if (v.bool() != null) {
            return v.bool();
        }
        if (Boolean.TRUE.equals(v.nul())) {
            return "NULL";
        }
        if (v.hasSs()) {
            return new java.util.TreeSet<>(v.ss()).toString();
        }
        if (v.hasNs()) {
            return new java.util.TreeSet<>(v.ns().stream().map(n -> new BigDecimal(n).stripTrailingZeros().toPlainString()).toList()).toString();
        }
        if (v.hasL()) {
            return v.l().stream().map(Rig::canonical).toList();
        }
        if (v.hasM()) {
            return canonical(v.m());
        }
        return v.toString();
    }
}
