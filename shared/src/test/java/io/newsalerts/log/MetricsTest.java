package io.newsalerts.log;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsalerts.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The documents follow the CloudWatch Embedded Metric Format specification: a root {@code _aws} object with an
 * integer {@code Timestamp} (ms since the epoch) and a {@code CloudWatchMetrics} array of directives, each with a
 * {@code Namespace} (1-255 chars), {@code Dimensions} (an array of dimension sets, each an array of at most 30 names,
 * every name a root member holding a string) and {@code Metrics} (at most 100, each a {@code Name} that is a root
 * member holding a number, with an optional valid {@code Unit}).
 */
class MetricsTest {

    private static final Instant NOW = Instant.parse("2024-07-17T03:14:00Z");
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream previous = Metrics.sink(new PrintStream(captured, true, StandardCharsets.UTF_8));

    @AfterEach
    void restore() {
        Metrics.sink(previous);
    }

    private static Metrics metrics(String function) {
        return Metrics.of(function, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(Json.MAPPER.readTree(line));
            }
        }
        return out;
    }

    /** Checks one document against the EMF specification; returns the metric names it declares. */
    static Set<String> assertValidEmf(JsonNode doc) {
        JsonNode aws = doc.path("_aws");
        assertThat(aws.isObject()).as("_aws is an object").isTrue();
        assertThat(aws.path("Timestamp").isIntegralNumber()).as("Timestamp is an integer").isTrue();
        assertThat(aws.path("CloudWatchMetrics").isArray()).isTrue();
        assertThat(aws.path("CloudWatchMetrics")).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (JsonNode directive : aws.path("CloudWatchMetrics")) {
            String namespace = directive.path("Namespace").asText("");
            assertThat(namespace.length()).isBetween(1, 255);
            assertThat(directive.path("Dimensions").isArray()).isTrue();
            for (JsonNode set : directive.path("Dimensions")) {
                assertThat(set.isArray()).isTrue();
                assertThat(set.size()).isBetween(1, 30);
                for (JsonNode dimension : set) {
                    assertThat(doc.path(dimension.asText()).isTextual())
                            .as("dimension %s is a root member holding a string", dimension).isTrue();
                }
            }
            assertThat(directive.path("Metrics").size()).isBetween(1, 100);
            for (JsonNode metric : directive.path("Metrics")) {
                String name = metric.path("Name").asText("");
                assertThat(name.length()).isBetween(1, 1024);
                assertThat(doc.path(name).isNumber()).as("metric %s is a root member holding a number", name).isTrue();
                if (metric.has("Unit")) {
                    assertThat(UNITS).contains(metric.path("Unit").asText());
                }
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void countsBecomeOneEmfDocumentWithNamespaceAndFunctionDimension() throws Exception {
        Metrics m = metrics("ingest");

        m.add(Metrics.Name.ArticlesIngested, 1).add(Metrics.Name.FactsExtracted, 3).add(Metrics.Name.FactsExtracted, 2);
        m.flush();

        assertThat(lines()).singleElement().satisfies(doc -> {
            assertThat(assertValidEmf(doc)).containsExactlyInAnyOrder("ArticlesIngested", "FactsExtracted");
            assertThat(doc.path("_aws").path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
            JsonNode directive = doc.path("_aws").path("CloudWatchMetrics").get(0);
            assertThat(directive.path("Namespace").asText()).isEqualTo("NewsAlerts");
            assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"function\"]]");
            assertThat(doc.path("function").asText()).isEqualTo("ingest");
            assertThat(doc.path("ArticlesIngested").asLong()).isEqualTo(1);
            assertThat(doc.path("FactsExtracted").asLong()).isEqualTo(5);
            assertThat(directive.path("Metrics")).allSatisfy(metric -> assertThat(metric.path("Unit").asText()).isEqualTo("Count"));
        });
    }

    @Test
    void everyMetricNameTheFunctionsUseIsAValidEmfMetric() throws Exception {
        Metrics m = metrics("notify");
        for (Metrics.Name n : Metrics.Name.values()) {
            m.add(n, 0);
        }

        m.flush();

        assertThat(lines()).singleElement().satisfies(doc -> assertThat(assertValidEmf(doc)).containsExactlyInAnyOrder(
                "ArticlesIngested", "FactsExtracted", "AlertsFired", "NotificationsSent", "Failures"));
    }

    @Test
    void aZeroIsReportedButNothingCountedWritesNothing() throws Exception {
        metrics("detect").flush();
        assertThat(lines()).isEmpty();

        metrics("detect").add(Metrics.Name.AlertsFired, 0).flush();
        assertThat(lines()).singleElement().satisfies(doc -> assertThat(doc.path("AlertsFired").asLong()).isZero());
    }

    @Test
    void flushingStartsAfreshSoNothingIsCountedTwice() throws Exception {
        Metrics m = metrics("count");
        m.add(Metrics.Name.Failures, 2);
        m.flush();
        m.flush();
        m.add(Metrics.Name.Failures, 1);
        m.flush();

        assertThat(lines()).extracting(d -> d.path("Failures").asLong()).containsExactly(2L, 1L);
    }

    @Test
    void aCountCannotGoDownAndTheDimensionMustBeNamed() {
        assertThatThrownBy(() -> metrics("ingest").add(Metrics.Name.Failures, -1))
                .hasMessageContaining("Failures is a count");
        assertThatThrownBy(() -> Metrics.of(" ")).hasMessageContaining("dimension value");
    }
}
