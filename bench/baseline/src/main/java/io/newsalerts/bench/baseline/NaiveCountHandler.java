package io.newsalerts.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.newsalerts.aws.ArticleRepository;
import io.newsalerts.aws.CounterRepository;
import io.newsalerts.pipeline.Counting;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;

/** Naive count: DynamodbEvent POJO, default client built on first use. */
public class NaiveCountHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private Counting counting;

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        if (counting == null) {
            counting = new Counting(new CounterRepository(DynamoDbClient.create(), System.getenv("COUNTERS_TABLE")));
        }
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (var r : event.getRecords()) {
            try {
                var image = NaiveImages.sdk(r.getDynamodb().getNewImage());
                if ("INSERT".equals(r.getEventName()) && image.containsKey("facts")) {
                    counting.count(ArticleRepository.fromItem(image));
                }
            } catch (RuntimeException e) {
                failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }
}
