package io.newsalerts.log;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.json.Json;

import java.io.PrintStream;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts what one invocation did and writes it as one CloudWatch Embedded Metric Format (EMF) document: a JSON line
 * on stdout that CloudWatch Logs turns into metrics in namespace {@value #NAMESPACE}, one dimension {@code function}.
 * No agent and no PutMetricData call (no latency, no extra permission): Lambda ships stdout to the function's log
 * group, and CloudWatch extracts the metrics from any line that follows the EMF specification.
 *
 * <p>Outside Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} unset) the documents go nowhere, so the local runner's stdout
 * stays its own; tests capture them with {@link #sink(PrintStream)}.
 *
 * <p>Not thread-safe: one instance per invocation.
 */
public final class Metrics {

    public static final String NAMESPACE = "NewsAlerts";
    public static final String DIMENSION = "function";

    /** The metrics the functions emit; all are counts. */
    public enum Name { ArticlesIngested, FactsExtracted, AlertsFired, NotificationsSent, Failures }

    private static volatile PrintStream sink = System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null ? System.out : null;

    private final String function;
    private final Clock clock;
    private final Map<Name, Long> values = new EnumMap<>(Name.class);

    private Metrics(String function, Clock clock) {
        if (function == null || function.isBlank()) {
            throw new IllegalArgumentException("a metric dimension value must not be blank");
        }
        this.function = function;
        this.clock = clock;
    }

    /** Metrics of one invocation of the named function (the dimension value: ingest, count, detect, notify, subscribe). */
    public static Metrics of(String function) {
        return new Metrics(function, Clock.systemUTC());
    }

    static Metrics of(String function, Clock clock) {
        return new Metrics(function, clock);
    }

    /** Where documents go from now on; null discards them. For tests and local tools. Returns the previous sink. */
    public static PrintStream sink(PrintStream out) {
        PrintStream previous = sink;
        sink = out;
        return previous;
    }

    /** Adds to a count; a metric added with 0 is still reported (a zero is a data point, absence is not). */
    public Metrics add(Name name, long by) {
        if (by < 0) {
            throw new IllegalArgumentException(name + " is a count and cannot go down by " + by);
        }
        values.merge(Objects.requireNonNull(name, "name"), by, Long::sum);
        return this;
    }

    public long get(Name name) {
        return values.getOrDefault(name, 0L);
    }

    /** The EMF document for what was counted so far; null when nothing was. */
    public ObjectNode document() {
        if (values.isEmpty()) {
            return null;
        }
        ObjectNode doc = Json.object();
        ObjectNode aws = doc.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add(DIMENSION);
        ArrayNode metrics = directive.putArray("Metrics");
        doc.put(DIMENSION, function);
        values.forEach((name, value) -> {
            metrics.addObject().put("Name", name.name()).put("Unit", "Count");
            doc.put(name.name(), value);
        });
        return doc;
    }

    /** Writes the document (if anything was counted) as one line and starts counting afresh. */
    public void flush() {
        ObjectNode doc = document();
        values.clear();
        PrintStream out = sink;
        if (doc != null && out != null) {
            out.println(doc);
        }
    }
}
