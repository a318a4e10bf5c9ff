package io.newsalerts.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.counting.Tally;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import io.newsalerts.testing.QueueSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.sns.SnsClient;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Many copies of a function at once, as Lambda runs them: nothing counted twice, nothing lost, one alert, one message. */
@ExtendWith(LocalAws.class)
class ConcurrencyIT {

    private static final Map<String, String> COUNTRIES = Map.of("Iraq", "IQ", "Syria", "SY", "Yemen", "YE");
    private static final List<String> NAMES = List.of("Iraq", "Syria", "Yemen");
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private static <T> List<T> runConcurrently(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Nothing reads the counters' stream in the counting test, and moto as released deep-copies a table, its stream's
     * records included, for every item of every transaction (its rollback copy), so a counters table with a stream
     * makes 1,000 transactions quadratic. bin/lib/moto_server.py no longer does, but the test should not depend on the
     * launcher: same table, same keys, no stream. (Disabling a stream in moto keeps recording.)
     */
    private static void withoutStream(DynamoDbClient ddb, String table) {
        var description = ddb.describeTable(b -> b.tableName(table)).table();
        ddb.deleteTable(b -> b.tableName(table));
        ddb.waiter().waitUntilTableNotExists(b -> b.tableName(table));
        ddb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(description.attributeDefinitions()).keySchema(description.keySchema()));
        ddb.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    @Test
    void aThousandArticlesIngestedAndCountedFromEightThreadsGiveExactTotals(LocalAws.Endpoint aws) throws Exception {
        Rig rig = new Rig(aws, null);
        withoutStream(rig.ddb, rig.tables.counters());
        // Article i: n_i drone attacks in one of three countries on its own day, so no two share a (series, day)
        // and every one of them adds to the shared year, quarter and month counters of its country.
        Map<String, Long> expected = new TreeMap<>();
        List<Callable<Integer>> posts = new ArrayList<>();
        LocalDate first = LocalDate.of(2021, 1, 1);
        for (int i = 0; i < 1000; i++) {
            LocalDate day = first.plusDays(i);
            String country = NAMES.get(i % 3);
            long n = 1 + (i * 7L) % 23;
            String article = "date " + day.plusDays(1) + " Report " + i + "\n\nMilitants launched " + n
                    + " drone attacks on a base in " + country + " on " + SPOKEN.format(day) + ", officials said.";
            SeriesKey series = new SeriesKey(SeriesKey.Source.INCIDENTS, null, List.of(COUNTRIES.get(country)), "drone attack", null);
            for (Period p : Tally.calendarPeriods(day)) {
                expected.merge(series.encode() + "|" + p, n, Long::sum);
            }
            posts.add(() -> rig.post(article).path("statusCode").asInt());
        }

        List<Integer> statuses = runConcurrently(8, posts);

        assertThat(statuses).hasSize(1000).containsOnly(201);
        // Count: the articles stream's batches handed to eight concurrent count functions (eight shards' worth).
        List<ObjectNode> batches = rig.pending("count");
        assertThat(batches.stream().mapToInt(b -> b.path("Records").size()).sum()).isEqualTo(1000);
        AtomicInteger retried = new AtomicInteger();
        List<Callable<Integer>> counts = new ArrayList<>();
        for (ObjectNode batch : batches) {
            counts.add(() -> {
                // As Lambda: a batch with failed records is delivered again (every record is idempotent).
                for (int attempt = 1; attempt <= 6; attempt++) {
                    if (Lambda.invoke(rig.count, batch).path("batchItemFailures").isEmpty()) {
                        return attempt;
                    }
                    retried.incrementAndGet();
                }
                throw new AssertionError("batch still failing after 6 attempts");
            });
        }
        runConcurrently(8, counts);

        assertThat(rig.counters()).isEqualTo(expected);
        long days = rig.ddb.scan(b -> b.tableName(rig.tables.counters()).select("COUNT")
                .filterExpression("begins_with(series, :d)")
                .expressionAttributeValues(Map.of(":d", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("day#")))).count();
        assertThat(days).as("per-day bookkeeping items").isEqualTo(1000);
    }

    @Test
    void sixteenWritersRacingOnOneDayCountItAtTheLargestFigureOnce(LocalAws.Endpoint aws) throws Exception {
        Rig rig = new Rig(aws, null);
        // The same client Lambda gets, with an observer (not a stand-in) counting the transactions DynamoDB cancels.
        AtomicInteger cancelled = new AtomicInteger();
        DynamoDbClient observed = aws.clients().configure(DynamoDbClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
                        if (context.exception() instanceof TransactionCanceledException) {
                            cancelled.incrementAndGet();
                        }
                    }
                })).build();
        CounterRepository counters = new CounterRepository(observed, rig.tables.counters());
        CountDownLatch start = new CountDownLatch(1);
        SeriesKey series = new SeriesKey(SeriesKey.Source.INCIDENTS, "Houthis", List.of("YE"), "drone attack", null);
        LocalDate day = LocalDate.of(2024, 2, 10);
        List<Callable<Long>> writers = new ArrayList<>();
        for (int n = 1; n <= 16; n++) {
            long count = n;
            writers.add(() -> {
                start.await();
                // Each writer is one outlet's report of that day; a writer that gives up is retried, as Lambda would.
                for (int attempt = 1; ; attempt++) {
                    try {
                        return counters.recordDay(new Tally.DayCount(series, day, count), "outlet-" + count);
                    } catch (IllegalStateException kept) {
                        if (attempt == 3) {
                            throw kept;
                        }
                    }
                }
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Long>> futures = new ArrayList<>();
        try {
            writers.forEach(w -> futures.add(pool.submit(w)));
            start.countDown();
            for (Future<Long> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> added = new ArrayList<>();
        for (Future<Long> f : futures) {
            added.add(f.get());
        }

        assertThat(cancelled.get()).as("transactions that lost the race and were retried").isPositive();
        assertThat(added.stream().mapToLong(Long::longValue).sum()).as("total added by all writers").isEqualTo(16);
        assertThat(rig.counters()).containsEntry(series.encode() + "|" + Period.month(2024, 2), 16L)
                .containsEntry(series.encode() + "|" + Period.quarter(2024, 1), 16L)
                .containsEntry(series.encode() + "|" + Period.year(2024), 16L)
                .hasSize(3);
    }

    @Test
    void aCrossingSeenBySixteenConcurrentDetectorsYieldsOneAlertAndOneNotification(LocalAws.Endpoint aws) throws Exception {
        SnsClient sns = aws.clients().sns();
        String topic = sns.createTopic(b -> b.name(LocalAws.Endpoint.uniqueName("alerts"))).topicArn();
        QueueSubscriber subscriber = QueueSubscriber.subscribe(sns, aws.sqs(), topic, "once", null);
        Rig rig = new Rig(aws, new AlertPublisher(sns, topic));
        assertThat(rig.post(Events.text("articles/2024-07-17-is-attacks-iraq-syria.txt")).path("statusCode").asInt()).isEqualTo(201);
        for (ObjectNode batch : rig.pending("count")) {
            rig.deliver(new Rig.Delivery("count", rig.count, batch));
        }

        // Every counters-stream batch goes to 16 detectors at once.
        List<ObjectNode> changes = rig.pending("detect");
        assertThat(changes).isNotEmpty();
        List<Callable<JsonNode>> detectors = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            for (ObjectNode batch : changes) {
                detectors.add(() -> Lambda.invoke(rig.detect, batch));
            }
        }
        assertThat(runConcurrently(16, detectors)).allSatisfy(r -> assertThat(r.path("batchItemFailures")).isEmpty());
        assertThat(rig.alerts.scanAll()).hasSize(1);

        // The alert's stream record goes to 16 notifiers at once, with a scheduled sweep racing them.
        List<ObjectNode> inserts = rig.pending("notify");
        List<Callable<JsonNode>> notifiers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            for (ObjectNode batch : inserts) {
                notifiers.add(() -> Lambda.invoke(rig.notify, batch));
            }
        }
        notifiers.add(() -> Lambda.invoke(rig.notify, Events.json("notify-schedule.json")));
        runConcurrently(17, notifiers);

        List<Alert> received = subscriber.drainAlerts();
        assertThat(received).singleElement().satisfies(a -> assertThat(a.series().actor()).isEqualTo("Islamic State"));
        assertThat(rig.alerts.pending(10)).isEmpty();
    }
}
