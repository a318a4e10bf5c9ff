package io.newsalerts.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.SilenceRepository;
import io.newsalerts.aws.StreamImages;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.Alert;
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
}
