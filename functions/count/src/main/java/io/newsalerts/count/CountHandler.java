package io.newsalerts.count;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.newsalerts.api.StreamBatch;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.Clients;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.aws.Tables;
import io.newsalerts.json.Json;
import io.newsalerts.log.Log;
import io.newsalerts.log.Metrics;
import io.newsalerts.pipeline.Counting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Count function: the articles table's stream (new articles) in, counters and statistic slots updated. */
public final class CountHandler implements RequestStreamHandler {
    private final Counting counting;

    /** Called by Lambda: clients built once per container, at init. */
    public CountHandler() {
        this(new Counting(new CounterRepository(Clients.fromEnvironment().dynamoDb(), Tables.fromEnvironment().counters())));
    }

    public CountHandler(Counting counting) {
        this.counting = counting;
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
