package io.newsalerts.notify;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.newsalerts.aws.AlertPublisher;
import io.newsalerts.aws.AlertRepository;
import io.newsalerts.bench.baseline.NaiveImages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

import java.util.ArrayList;
import java.util.List;

/** Naive notify (stream trigger): DynamodbEvent POJO, default clients built on first use. Benchmark fixture. */
public class NaiveNotifyHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {
    private Delivery delivery;

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        if (delivery == null) {
            delivery = new Delivery(new AlertRepository(DynamoDbClient.create(), System.getenv("ALERTS_TABLE")),
                    new AlertPublisher(SnsClient.create(), System.getenv("TOPIC_ARN")));
        }
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (var r : event.getRecords()) {
            try {
                var image = NaiveImages.sdk(r.getDynamodb().getNewImage());
                if ("INSERT".equals(r.getEventName()) && AlertRepository.isPendingItem(image)) {
                    delivery.deliver(AlertRepository.fromItem(image));
                }
            } catch (RuntimeException e) {
                failures.add(new StreamsEventResponse.BatchItemFailure(r.getDynamodb().getSequenceNumber()));
            }
        }
        return new StreamsEventResponse(failures);
    }
}
