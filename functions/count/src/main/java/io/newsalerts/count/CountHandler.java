package io.newsalerts.count;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.newsalerts.api.StreamBatch;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.Priming;
import io.newsalerts.domain.SeriesKey;
import io.newsalerts.aws.Tables;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;
import io.newsalerts.log.Metrics;
import io.newsalerts.pipeline.Counting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.io.OutputStream;

/** Count function: the articles table's stream (new articles) in, counters and statistic slots updated. */
public final class CountHandler implements RequestStreamHandler {
    /** SnapStart priming: a stream batch whose record is not a new article (read, skipped, answered). */
    private static final String PRIMING_EVENT = """
            {"Records":[{"eventID":"priming","eventName":"MODIFY","eventSource":"aws:dynamodb","dynamodb":{
             "Keys":{"id":{"S":"__priming__"}},"NewImage":{"id":{"S":"__priming__"}},"SequenceNumber":"0"}}]}""";

    private final Counting counting;
    private Priming priming; // held here: the CRaC context keeps resources only weakly

    /** Called by Lambda: clients built once per container, at init. */
    public CountHandler() {
        this(new CounterRepository(Clients.fromEnvironment().dynamoDb(), Tables.fromEnvironment().counters()));
    }

    private CountHandler(CounterRepository counters) {
        this(new Counting(counters));
        this.priming = Priming.register("count", () -> prime(counters));
    }

    public CountHandler(Counting counting) {
        this.counting = counting;
    }

    /** A batch read and answered, and one read of the counters table (a series that does not exist). */
    private void prime(CounterRepository counters) {
        try {
            handleRequest(new ByteArrayInputStream(PRIMING_EVENT.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        counters.series(SeriesKey.decode("S|__priming__|ZZ|attack|-"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        var event = Json.MAPPER.readTree(input);
        Metrics metrics = Metrics.of("count");
        var response = StreamBatch.process(event, record -> {
            if (record.isInsert() && record.newImage().containsKey("facts")) {
                var article = ArticleRepository.fromItem(record.newImage());
                var plan = counting.count(article);
                Log.info("article counted", "articleId", article.id(), "incidentDays", plan.days().size(),
                        "statistics", plan.statistics().size());
            }
        }, (record, e) -> Log.error("count failed", e, "sequenceNumber", record.sequenceNumber()));
        metrics.add(Metrics.Name.Failures, response.path("batchItemFailures").size()).flush();
        Json.MAPPER.writeValue(output, response);
    }
}
