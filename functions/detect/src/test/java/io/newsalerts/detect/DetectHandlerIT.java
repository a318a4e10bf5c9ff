package io.newsalerts.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.aws.StreamImages;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
import io.newsalerts.domain.AlertState;
import io.newsalerts.domain.Evidence;
import io.newsalerts.domain.Period;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.counting.Tally;
import io.newsalerts.lifecycle.Lifecycle;
import io.newsalerts.rules.RuleBook;
import io.newsalerts.pipeline.Detection;
import io.newsalerts.rules.RuleSet;
import io.newsalerts.rules.RuleSettings;
import io.newsalerts.testing.Events;
import io.newsalerts.testing.Lambda;
import io.newsalerts.testing.LocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalAws.class)
class DetectHandlerIT {

    private AlertRepository alerts;
    private DetectHandler handler;
    private Tables tables;
    private DynamoDbClient ddb;

    @BeforeEach
    void tables(LocalAws.Endpoint aws) {
        ddb = aws.clients().dynamoDb();
        tables = Tables.withPrefix(LocalAws.Endpoint.uniqueName("detect"));
        tables.create(ddb);
        alerts = new AlertRepository(ddb, tables.alerts());
        handler = new DetectHandler(new Detection(new CounterRepository(ddb, tables.counters()),
                RuleSet.standard(RuleSettings.DEFAULTS), alerts, new SilenceRepository(ddb, tables.silences())));
    }

    /** The counters table as the stream event says it is after the write. */
    private JsonNode givenCountersFromEvent() {
        JsonNode event = Events.json("detect-stream.json");
        for (JsonNode r : event.path("Records")) {
            ddb.putItem(b -> b.tableName(tables.counters()).item(StreamImages.item(r.path("dynamodb").path("NewImage"))));
        }
        return event;
    }

    @Test
    void projectedDoublingIsRecordedAsOnePendingAlert() {
        JsonNode event = givenCountersFromEvent();

        JsonNode response = Lambda.invoke(handler, event);

        assertThat(response.path("batchItemFailures")).isEmpty();
        List<Alert> pending = alerts.pending(10);
        assertThat(pending).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("yoy-projected-doubling");
            assertThat(a.series().actor()).isEqualTo("Islamic State");
            assertThat(a.series().regions()).containsExactly("IQ", "SY");
            assertThat(a.ratio()).isEqualTo(2.54);
            assertThat(a.evidence()).extracting(e -> e.attributedTo()).contains("CENTCOM");
        });
    }

    @Test
    void repeatedDeliveryRecordsNothingMore() {
        JsonNode event = givenCountersFromEvent();

        Lambda.invoke(handler, event);
        Lambda.invoke(handler, event);

        assertThat(alerts.scanAll()).hasSize(1);
    }

    @Test
    void sixteenConcurrentDetectorsYieldExactlyOneAlert() throws Exception {
        JsonNode event = givenCountersFromEvent();
        List<Callable<JsonNode>> detectors = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            detectors.add(() -> Lambda.invoke(handler, event));
        }

        try (var pool = Executors.newFixedThreadPool(16)) {
            for (var f : pool.invokeAll(detectors)) {
                assertThat(f.get().path("batchItemFailures")).isEmpty();
            }
        }

        assertThat(alerts.scanAll()).hasSize(1);
    }

    /** The sample event's records, again for each of {@code actors} (their series in the counters table too). */
    private ObjectNode givenTheSampleFiguresFor(List<String> actors) {
        ObjectNode event = Events.json("detect-stream.json");
        var records = event.putArray("Records");
        long sequence = 1;
        for (String actor : actors) {
            for (JsonNode r : Events.json("detect-stream.json").path("Records")) {
                var copy = (ObjectNode) r.deepCopy();
                String series = r.path("dynamodb").path("Keys").path("series").path("S").asText().replace("Islamic State", actor);
                var dynamodb = (ObjectNode) copy.path("dynamodb");
                ((ObjectNode) dynamodb.path("Keys").path("series")).put("S", series);
                ((ObjectNode) dynamodb.path("NewImage").path("series")).put("S", series);
                dynamodb.put("SequenceNumber", Long.toString(sequence++));
                ddb.putItem(b -> b.tableName(tables.counters()).item(StreamImages.item(dynamodb.path("NewImage"))));
                records.add(copy);
            }
        }
        return event;
    }

    @Test
    void theAlertsOfABatchAreReadInOneRequest(LocalAws.Endpoint aws) {
        var event = givenTheSampleFiguresFor(List.of("Islamic State", "al-Shabab", "Boko Haram"));
        // The real client, observed: which DynamoDB operations reach the alerts table.
        List<String> alertReads = java.util.Collections.synchronizedList(new ArrayList<>());
        DynamoDbClient observed = aws.clients().configure(DynamoDbClient.builder()).overrideConfiguration(o -> o
                .addExecutionInterceptor(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution c,
                                                software.amazon.awssdk.core.interceptor.ExecutionAttributes a) {
                        if (c.request() instanceof software.amazon.awssdk.services.dynamodb.model.GetItemRequest g
                                && g.tableName().equals(tables.alerts())) {
                            alertReads.add("GetItem");
                        } else if (c.request() instanceof software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest b
                                && b.requestItems().containsKey(tables.alerts())) {
                            alertReads.add("BatchGetItem");
                        }
                    }
                })).build();
        DetectHandler observedHandler = new DetectHandler(new Detection(new CounterRepository(observed, tables.counters()),
                RuleSet.standard(RuleSettings.DEFAULTS), new AlertRepository(observed, tables.alerts()),
                new SilenceRepository(observed, tables.silences())));

        JsonNode response = Lambda.invoke(observedHandler, event);

        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(alerts.pending(10)).extracting(a -> a.series().actor())
                .containsExactlyInAnyOrder("Islamic State", "al-Shabab", "Boko Haram");
        assertThat(alertReads).containsExactly("BatchGetItem");
    }

    @Test
    void aSeriesThatCannotBeReadFailsAloneAndTheOthersAreRecorded() {
        ObjectNode event = givenTheSampleFiguresFor(List.of("Broken", "Islamic State"));
        // One more item of the first series, with a period nobody can read: judging that series fails.
        ddb.putItem(b -> b.tableName(tables.counters()).item(java.util.Map.of(
                "series", AttributeValue.fromS("S|Broken|IQ+SY|attack|-"), "period", AttributeValue.fromS("last Tuesday"),
                "count", AttributeValue.fromN("1"), "kind", AttributeValue.fromS("statistic"))));

        JsonNode response = Lambda.invoke(handler, event);

        // Its first record is reported (Lambda retries the batch from there); the other series is recorded.
        assertThat(response.path("batchItemFailures")).singleElement()
                .satisfies(f -> assertThat(f.path("itemIdentifier").asText()).isEqualTo("1"));
        assertThat(alerts.pending(10)).singleElement().satisfies(a -> assertThat(a.series().actor()).isEqualTo("Islamic State"));
    }

    /** The first-half alert recorded, then the nine-month figure (x3.31) in the counters table. */
    private JsonNode givenFiringThenNineMonths() {
        JsonNode event = givenCountersFromEvent();
        Lambda.invoke(handler, event);
        SeriesKey series = alerts.pending(10).get(0).series();
        new CounterRepository(ddb, tables.counters()).recordStatistic(series, Period.of("2024-01-01", "2024-09-30"), 300,
                new Evidence("IS carried out 300 attacks in the first nine months of 2024.", "wire", "CENTCOM"),
                LocalDate.parse("2024-10-16"));
        return event;
    }

    @Test
    void repeatedDeliveriesEscalateOnce() {
        JsonNode event = givenFiringThenNineMonths();

        for (int i = 0; i < 3; i++) {
            assertThat(Lambda.invoke(handler, event).path("batchItemFailures")).isEmpty();
        }

        assertThat(alerts.history(null, null, null, 10)).singleElement().satisfies(r -> {
            assertThat(r.alert().state()).isEqualTo(AlertState.ESCALATED);
            assertThat(r.alert().ratio()).isEqualTo(3.31);
            assertThat(r.changes()).extracting(AlertRepository.Change::state).containsExactly("firing", "escalated");
        });
        assertThat(alerts.pending(10)).singleElement().satisfies(a -> assertThat(a.state()).isEqualTo(AlertState.ESCALATED));
    }

    /**
     * Two detectors that read the same version: the second write's condition fails, so the transition is recorded once.
     * (Interleaved by hand: moto serves concurrent requests without serializing conditional writes, so a thread race
     * on the emulator would test moto, not the condition; DynamoDB evaluates the condition atomically.)
     */
    @Test
    void aDetectorThatLostTheRaceRecordsNothing() {
        givenFiringThenNineMonths();
        Alert fired = alerts.pending(10).get(0);
        var first = alerts.standing(fired.id());
        var second = alerts.standing(fired.id());
        Alert escalated = fired.withState(AlertState.ESCALATED);

        assertThat(alerts.apply(new Lifecycle.Transition(escalated, true), first)).isTrue();
        assertThat(alerts.apply(new Lifecycle.Transition(escalated, true), second)).isFalse();

        assertThat(alerts.history(null, null, null, 10)).singleElement().satisfies(r -> assertThat(r.changes())
                .extracting(AlertRepository.Change::state).containsExactly("firing", "escalated"));
    }

    @Test
    void aTrailingDaysThresholdCountsThePerDayIncidents() {
        SeriesKey houthis = new SeriesKey(SeriesKey.Source.INCIDENTS, "Houthis", List.of("YE"), "attack", null);
        CounterRepository counters = new CounterRepository(ddb, tables.counters());
        counters.recordDay(new Tally.DayCount(houthis, LocalDate.parse("2024-06-01"), 9), "wire"); // outside the week
        counters.recordDay(new Tally.DayCount(houthis, LocalDate.parse("2024-06-10"), 4), "wire");
        counters.recordDay(new Tally.DayCount(houthis, LocalDate.parse("2024-06-14"), 6), "other");
        Detection detection = new Detection(counters, RuleBook.parse("""
                {"rules": [{"id": "ten-in-a-week", "kind": "threshold", "severity": "low",
                  "parameters": {"count": 10, "window": "days", "days": 7}}]}""", "test"),
                alerts, new SilenceRepository(ddb, tables.silences()));

        assertThat(detection.detect(houthis)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("ten-in-a-week");
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.current().count()).isEqualTo(10);
            assertThat(a.current().period()).isEqualTo(Period.of("2024-06-08", "2024-06-14"));
        });
        assertThat(detection.detect(houthis)).as("evaluated again: nothing new").isEmpty();
    }
}
