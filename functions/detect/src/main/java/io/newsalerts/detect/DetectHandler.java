package io.newsalerts.detect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.api.StreamBatch;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.ParameterStore;
import io.newsalerts.aws.Priming;
import io.newsalerts.aws.Tables;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;
import io.newsalerts.log.Metrics;
import io.newsalerts.pipeline.Detection;
import io.newsalerts.rules.RuleSet;
import io.newsalerts.aws.SilenceRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Detect function: the counters table's stream in, the rules run on each changed series, each key's alert moved
 * through its lifecycle once. Env: COUNTERS_TABLE, ALERTS_TABLE, SILENCES_TABLE, RULES_SSM_PARAMETER (optional).
 */
public final class DetectHandler implements RequestStreamHandler {
    /**
     * SnapStart priming: a counter change of a series that does not exist, so the whole path runs (stream batch
     * read, the series queried, the rules evaluated, the answer written) and finds nothing to record.
     */
    private static final String PRIMING_EVENT = """
            {"Records":[{"eventID":"priming","eventName":"MODIFY","eventSource":"aws:dynamodb","dynamodb":{
             "Keys":{"series":{"S":"S|__priming__|ZZ|attack|-"},"period":{"S":"__priming__"}},"SequenceNumber":"0"}}]}""";

    private final Detection detection;
    private final Priming priming; // held here: the CRaC context keeps resources only weakly

    /** Called by Lambda: clients built once per container, at init. */
    public DetectHandler() {
        this(defaultDetection(), true);
    }

    private DetectHandler(Detection detection, boolean prime) {
        this.detection = detection;
        this.priming = prime ? Priming.register("detect", this::prime) : null;
    }

    private void prime() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handleRequest(new ByteArrayInputStream(PRIMING_EVENT.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!out.toString(StandardCharsets.UTF_8).contains("\"batchItemFailures\":[]")) {
            throw new IllegalStateException("priming batch failed: " + out.toString(StandardCharsets.UTF_8));
        }
    }

    public DetectHandler(Detection detection) {
        this(detection, false);
    }

    private static Detection defaultDetection() {
        Clients clients = Clients.fromEnvironment();
        DynamoDbClient ddb = clients.dynamoDb();
        Tables tables = Tables.fromEnvironment();
        String parameter = System.getenv(RulesSource.PARAMETER_ENV);
        Supplier<RuleSet> rules = RulesSource.load(parameter, new ParameterStore(clients), Clock.systemUTC());
        Log.info("rules loaded", "rules", rules.get().rules().size(), "from", parameter == null ? "bundled" : parameter);
        return new Detection(new CounterRepository(ddb, tables.counters()), rules,
                new AlertRepository(ddb, tables.alerts()), new SilenceRepository(ddb, tables.silences()), Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        var event = Json.MAPPER.readTree(input);
        // A batch often touches one series several times: each is evaluated once, all of them together (their alerts
        // read in one request), and each record then answers with its series' outcome.
        Map<SeriesKey, Detection.Outcome> outcomes = detection.detectAll(seriesOf(event));
        Set<String> seen = new HashSet<>();
        Metrics metrics = Metrics.of("detect").add(Metrics.Name.AlertsFired, 0);
        var response = StreamBatch.process(event, record -> {
            var key = record.keys().get("series");
            if (key == null || CounterRepository.isBookkeeping(key.s()) || !seen.add(key.s())) {
                return;
            }
            Detection.Outcome outcome = outcomes.get(SeriesKey.decode(key.s())); // a key that cannot be decoded fails here
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            var alerts = outcome.recorded();
            metrics.add(Metrics.Name.AlertsFired, alerts.size());
            for (var a : alerts) {
                Log.info("alert " + a.state().wire(), "alertId", a.id(), "rule", a.rule(), "series", a.series().encode(),
                        "ratio", a.ratio(), "state", a.state().wire());
            }
        }, (record, e) -> Log.error("detect failed", e, "sequenceNumber", record.sequenceNumber()));
        metrics.add(Metrics.Name.Failures, response.path("batchItemFailures").size()).flush();
        Json.MAPPER.writeValue(output, response);
    }

    /** The series a batch's records changed, each once, in order; bookkeeping items and undecodable keys left out. */
    private static List<SeriesKey> seriesOf(JsonNode event) {
        Set<SeriesKey> series = new LinkedHashSet<>();
        for (var record : StreamBatch.records(event)) {
            var key = record.keys().get("series");
            if (key != null && !CounterRepository.isBookkeeping(key.s())) {
                try {
                    series.add(SeriesKey.decode(key.s()));
                } catch (RuntimeException undecodable) {
                    // left to its record, which fails with this error when processed
                }
            }
        }
        return List.copyOf(series);
    }
}
